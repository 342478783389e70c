// The text of every page of a PDF, as a reader's copy-paste would give it (pdfjs-dist's legacy build, which runs in Node).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One string per page, its text items joined by spaces. */
export async function readPdfText(bytes: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of the buffer it is given: a copy keeps the caller's bytes readable.
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
