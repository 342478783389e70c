// The text of every page of a PDF, as a reader's copy-paste would give it on one line (the engine tests' reader, line ends as spaces).
import { readPdfPages } from '../engine/readPdfPages';

/** One string per page, its text items joined by single spaces. */
export async function readPdfText(bytes: Uint8Array): Promise<string[]> {
  return (await readPdfPages(bytes)).map((page) => page.replace(/\n/g, ' '));
}
