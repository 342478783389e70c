// Writes `recon metrics --json`: the report laid out as JSON.stringify(report, null, 2) lays it out, each id list on one line as DuckDB wrote it.
import { randomUUID } from 'node:crypto';
import type { MetricsContext } from './MetricsContext';
import { readMetricsReport } from './readMetricsReport';

/**
 * The report is read with every id list kept as DuckDB's JSON text (MetricsContext.keepIdText), a placeholder standing
 * for it; the placeholders are then replaced by the texts. At 1M people the lists hold some 5M ids: parsed into
 * strings and written again one per line they took about 1.4 s of the main thread while DuckDB waited, and held them all.
 */
export async function writeMetricsReportJson(base: MetricsContext, write: (text: string) => Promise<void>): Promise<void> {
  const texts: string[] = [];
  // A random nonce: a placeholder cannot be confused with a name, a channel or an id of the data.
  const mark = randomUUID();
  const report = await readMetricsReport({
    ...base,
    keepIdText: (text) => {
      texts.push(text);
      return [`${mark} ${texts.length - 1}`];
    },
  });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  let at = 0;
  for (const match of text.matchAll(new RegExp(`\\[\\s*"${mark} (\\d+)"\\s*\\]`, 'g'))) {
    await write(text.slice(at, match.index));
    const list = texts[Number(match[1])];
    if (list === undefined) throw new Error(`no id list ${match[1]}`);
    await write(list);
    at = match.index + match[0].length;
  }
  await write(text.slice(at));
}
