// The rule builder's suggestions: a column's most frequent values with their counts, asked once per column and source.
import { useEffect, useState } from 'react';
import type { SourceDraft, ValueCount } from '../../../shared/api';
import { getApi } from '../../api/getApi';

/** The values of `column` in `source`, most frequent first; none while `column` is null or when they cannot be read. */
export function useColumnValues(source: SourceDraft, column: string | null): ValueCount[] {
  // As for the live count: the draft's rules do not change what the file holds.
  const sourceKey = JSON.stringify({ ...source, exclude: undefined });
  const [values, setValues] = useState<ValueCount[]>([]);
  useEffect(() => {
    setValues([]);
    if (column === null) return;
    let current = true;
    getApi()
      .listColumnValues(JSON.parse(sourceKey) as SourceDraft, column)
      // Suggestions are a convenience: when they cannot be had, the live count says why the rule cannot either.
      .then((next) => current && setValues(next))
      .catch(() => current && setValues([]));
    return () => {
      current = false;
    };
  }, [sourceKey, column]);
  return values;
}
