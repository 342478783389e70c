// Writes edits back into contract text, keeping comments, key order and the layout of untouched lines.
import { isCollection, isScalar, parseDocument, type Document } from 'yaml';
import { UserError } from '../UserError';
import { editContractInPlace, type ContractChange } from '../../../shared/editContractInPlace';

export type { ContractChange } from '../../../shared/editContractInPlace';

function applyToDocument(doc: Document, { path, value }: ContractChange): void {
  if (value === undefined) {
    doc.deleteIn(path);
    return;
  }
  const node = doc.getIn(path, true);
  // Setting the value of the existing scalar keeps the comment attached to it.
  if (isScalar(node) && (value === null || typeof value !== 'object')) node.value = value;
  else doc.setIn(path, doc.createNode(value));
}

function readsBackWithChanges(text: string, changes: ContractChange[]): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return false;
  return changes.every(({ path, value }) => {
    const node = doc.getIn(path, true);
    const actual = isScalar(node) || isCollection(node) ? node.toJSON() : node;
    return JSON.stringify(actual) === JSON.stringify(value);
  });
}

/**
 * Applies `changes` in order and returns the new text. Each change is made in place where it can be
 * (values, new entries and removals in block mappings and lists), so every other byte is unchanged;
 * otherwise the whole file is rewritten through yaml's Document, which keeps comments and key order.
 */
export function updateContractText(text: string, changes: ContractChange[]): string {
  let edited: string | undefined = text;
  for (const change of changes) edited = edited === undefined ? undefined : editContractInPlace(edited, change);
  if (edited !== undefined && readsBackWithChanges(edited, changes)) return edited;
  const doc = parseDocument(text, { uniqueKeys: false });
  const [error] = doc.errors;
  if (error) throw new UserError(`the contract cannot be updated: its YAML does not parse (${error.message.split('\n')[0]})`);
  for (const change of changes) applyToDocument(doc, change);
  return doc.toString({ lineWidth: 0 });
}
