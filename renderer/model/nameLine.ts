// A bridge line's name in accessible controls ("left timing", "left excluded internal"), as the table's count buttons name it, and its element id.
import type { BucketKind, Side } from '../../shared/reportTypes';

export function nameLine(line: { side: Side; kind: BucketKind; reason: string }): string {
  return `${line.side} ${line.kind}${line.reason === line.kind ? '' : ` ${line.reason}`}`;
}

/** The id of a line's row in the bridge table, so the list of disputed lines can bring it into view. */
export function identifyLineRow(reconciliation: string, line: { side: Side; kind: BucketKind; reason: string }): string {
  return `line-${[reconciliation, line.side, line.kind, line.reason].map(encodeIdPart).join('-')}`;
}

/** Names and reasons are free text: every character outside letters and digits becomes `_<hex code point>_`, so two texts never share an id. */
function encodeIdPart(text: string): string {
  return text.replace(/[^A-Za-z0-9]/gu, (c) => `_${c.codePointAt(0)?.toString(16) ?? ''}_`);
}
