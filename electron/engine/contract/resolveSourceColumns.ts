// Maps a source's canonical fields (and id) to the actual column headers of its file.
import type { SourceSpec } from '../../../shared/contractTypes';
import { ContractError, type ContractIssue } from './ContractError';
import { findNearest } from '../../../shared/suggestNearest';

const LISTED_COLUMNS = 40;

export interface ResolvedColumns {
  /** Canonical field name -> column header exactly as in the file. */
  fields: Record<string, string>;
  id?: string;
}

function normalizeHeader(header: string): string {
  return header.trim().toLowerCase();
}

function listColumns(columns: string[]): string {
  const shown = columns.slice(0, LISTED_COLUMNS).join(', ');
  const more = columns.length - LISTED_COLUMNS;
  return more > 0 ? `${shown} (and ${more} more)` : shown;
}

/** Throws ContractError naming every field whose column is missing from (or ambiguous in) the file. */
export function resolveSourceColumns(source: SourceSpec, columns: string[], fileLabel: string): ResolvedColumns {
  const issues: ContractIssue[] = [];
  const find = (header: string, key: string, line: number): string | undefined => {
    if (columns.includes(header)) return header;
    const matches = columns.filter((column) => normalizeHeader(column) === normalizeHeader(header));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      issues.push({ line, key, message: `column '${header}' matches several columns of ${source.file}: ${matches.join(', ')}` });
      return undefined;
    }
    const nearest = findNearest(header.trim(), columns);
    const hint = nearest === undefined ? '.' : `; did you mean '${nearest}'?`;
    issues.push({ line, key, message: `column '${header}' is not in ${source.file}${hint} The file's columns: ${listColumns(columns)}` });
    return undefined;
  };
  const fields: Record<string, string> = {};
  for (const [field, header] of Object.entries(source.fields)) {
    const column = find(header, `sources.${source.name}.fields.${field}`, source.fieldLines?.[field] ?? source.line);
    if (column !== undefined) fields[field] = column;
  }
  const resolved: ResolvedColumns = { fields };
  if (source.id !== undefined) {
    const id = find(source.id, `sources.${source.name}.id`, source.idLine ?? source.line);
    if (id !== undefined) resolved.id = id;
  }
  if (issues.length > 0) throw new ContractError(fileLabel, issues);
  return resolved;
}
