// Lays the audit PDF out top to bottom: headings, paragraphs, wrapped tables that carry their header onto the next page, page header and footer.
import type PDFDocument from 'pdfkit';
import { toPdfText } from './toPdfText';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfColumn {
  header: string;
  /** Share of the text width; the widths of a table add up to 1. */
  share: number;
  align?: 'left' | 'right';
  mono?: boolean;
}

/** A longer cell would not fit on a page: the workbook holds it whole. */
const MAX_CELL_CHARS = 1_200;
const PAD = 3;
const TABLE_SIZE = 8;
const RULE_COLOR = '#b8b8b8';

function fitCell(text: string): string {
  const shown = toPdfText(text);
  return shown.length > MAX_CELL_CHARS ? `${shown.slice(0, MAX_CELL_CHARS)}... (cut here; the workbook holds the whole text)` : shown;
}

export function createPdfLayout(doc: Doc) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  function heading(text: string, level: 1 | 2 | 3): void {
    const size = [0, 18, 13, 10.5][level] ?? 10.5;
    ensure(size * 3);
    if (doc.y > doc.page.margins.top + 1) doc.moveDown(level === 3 ? 0.6 : 1);
    doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(toPdfText(text), left, doc.y, { width });
    doc.moveDown(0.3);
  }

  function paragraph(text: string, options: { size?: number; color?: string; mono?: boolean } = {}): void {
    const size = options.size ?? 9.5;
    doc.font(options.mono ? 'Courier' : 'Helvetica').fontSize(size);
    ensure(doc.heightOfString(toPdfText(text), { width }) + 2);
    doc.fillColor(options.color ?? 'black').text(toPdfText(text), left, doc.y, { width });
    doc.fillColor('black');
  }

  /** Rows of text cells, each wrapped in its column; a row never splits, and a new page repeats the header. */
  function table(columns: PdfColumn[], rows: string[][]): void {
    const widths = columns.map((c) => c.share * width);
    const fontOf = (c: PdfColumn | undefined, header: boolean) => (header ? 'Helvetica-Bold' : c?.mono ? 'Courier' : 'Helvetica');
    const measure = (cells: string[], header: boolean) =>
      Math.max(
        ...cells.map((text, i) => {
          doc.font(fontOf(columns[i], header)).fontSize(TABLE_SIZE);
          return doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * PAD });
        }),
      ) +
      2 * PAD;
    const draw = (cells: string[], header: boolean) => {
      const height = measure(cells, header);
      const y = doc.y;
      if (header) doc.rect(left, y, width, height).fill('#ececec');
      let x = left;
      cells.forEach((text, i) => {
        const w = widths[i] ?? 0;
        doc.font(fontOf(columns[i], header)).fontSize(TABLE_SIZE).fillColor('black');
        doc.text(text, x + PAD, y + PAD, { width: w - 2 * PAD, align: columns[i]?.align ?? 'left' });
        x += w;
      });
      doc.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
      doc.x = left;
      doc.y = y + height;
    };
    const headers = columns.map((c) => toPdfText(c.header));
    const cells = rows.map((row) => row.map(fitCell));
    ensure(measure(headers, true) + (cells[0] ? measure(cells[0], false) : 0));
    draw(headers, true);
    for (const row of cells) {
      const height = measure(row, false);
      if (doc.y + height > bottom()) {
        doc.addPage();
        draw(headers, true);
      }
      draw(row, false);
    }
    doc.moveDown(0.5);
  }

  return { doc, left, width, bottom, ensure, heading, paragraph, table };
}

export type PdfLayout = ReturnType<typeof createPdfLayout>;

/** The title on top of every page and "Page N of M" at its foot (written last, once the pages are counted). */
export function stampPages(doc: Doc, title: string, subtitle: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const left = margins.left;
    const width = doc.page.width - left - margins.right;
    const keep = margins.bottom;
    // Text below the bottom margin would open a new page: the margin is lifted while the footer is written.
    margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#555555');
    doc.text(toPdfText(title), left, 28, { width: width * 0.72, lineBreak: false, ellipsis: true, height: 10 });
    doc.text(toPdfText(subtitle), left + width * 0.72, 28, { width: width * 0.28, align: 'right', lineBreak: false, height: 10 });
    doc.moveTo(left, 40).lineTo(left + width, 40).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    margins.bottom = keep;
  }
  doc.fillColor('black');
}
