// Words for the long work under way, the same in the app's progress bar and the CLI's progress line.
import type { Progress, ProgressDetail } from './api';

const DETAIL_WORDS: Record<ProgressDetail, string> = {
  copying: 'copying to UTF-8',
  reading: 'reading',
  numbering: 'numbering rows',
  checking: 'checking rows',
  'counting lines': 'counting lines',
  typing: 'reading dates and amounts',
  steps: "each metric's steps",
  pairs: 'matching records',
  bridge: 'the bridge lines',
  columns: 'finding the ids and dates',
};

const grouped = new Intl.NumberFormat('en-US');

/** What runs: "Importing hubspot", "Imported hubspot: 1,000,000 rows", "Reconciling". */
export function describeProgressStep(progress: Progress): string {
  const source = progress.source ?? 'an export';
  switch (progress.step) {
    case 'import':
      return `Importing ${source}`;
    case 'imported':
      return `Imported ${source}${progress.rowsRead === undefined ? '' : `: ${grouped.format(progress.rowsRead)} rows`}`;
    case 'reconcile':
      return 'Reconciling';
    case 'reconciled':
      return 'Reconciled';
  }
}

/** What the step does now, with its figures when they are known: "reading 134.0 of 709.2 MB", "numbering rows: 5,000,000 rows". */
export function describeProgressDetail(progress: Progress): string {
  if (progress.detail === undefined) return progress.step === 'import' ? 'starting' : '';
  const words = DETAIL_WORDS[progress.detail];
  const { bytesRead, bytesTotal, rowsRead } = progress;
  if (bytesTotal !== undefined && (progress.detail === 'copying' || progress.detail === 'reading')) {
    return `${words} ${formatMegabytes(bytesRead ?? 0)} of ${formatMegabytes(bytesTotal)} MB`;
  }
  return rowsRead === undefined ? words : `${words}: ${grouped.format(rowsRead)} rows`;
}

/** "17%" of the step, when it can be told. */
export function formatProgressPercent(progress: Progress): string | null {
  return progress.fraction === undefined ? null : `${Math.floor(progress.fraction * 100)}%`;
}

function formatMegabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
