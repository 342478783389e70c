// How the chosen date column's first values read in the file's zone, asked of the engine as the choice or the zone changes.
import { useEffect, useState } from 'react';
import type { DatePreview } from '../../../shared/api';
import { getApi } from '../../api/getApi';

export interface DatePreviewState {
  preview: DatePreview | null;
  /** Why there is no preview (an unknown zone, a column gone), in the engine's words. */
  error: string | null;
  loading: boolean;
}

/** Typing a zone letter by letter asks once it pauses. */
const PAUSE_MS = 300;

export function useDatePreview(file: string, sheet: string | undefined, column: string, timezone: string): DatePreviewState {
  const [state, setState] = useState<DatePreviewState>({ preview: null, error: null, loading: false });
  useEffect(() => {
    if (!column || !timezone.trim()) {
      setState({ preview: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      getApi()
        .previewDates(file, sheet ?? null, column, timezone.trim())
        .then((preview) => current && setState({ preview, error: null, loading: false }))
        .catch((error: unknown) => current && setState({ preview: null, error: error instanceof Error ? error.message : String(error), loading: false }));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [file, sheet, column, timezone]);
  return state;
}
