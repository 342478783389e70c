// resolveSourcePath and resolveSourceColumns: a contract's files and columns checked against what is on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { resolveSourceColumns } from '../../electron/engine/contract/resolveSourceColumns';
import { resolveSourcePath } from '../../electron/engine/contract/resolveSourcePath';
import type { SourceSpec } from '../../shared/contractTypes';
import { FULL_EXAMPLE, lineOf } from './contractExample';

const LABEL = 'acme.yaml';
const contract = parseContract(FULL_EXAMPLE, LABEL);
const hubspot = contract.sources.find((source) => source.name === 'hubspot') as SourceSpec;
const salesforce = contract.sources.find((source) => source.name === 'salesforce') as SourceSpec;

function catchError(run: () => unknown): ContractError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected a ContractError');
}

describe('resolveSourcePath', () => {
  it('resolves the file relative to the contract folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    fs.mkdirSync(path.join(dir, 'exports'));
    fs.writeFileSync(path.join(dir, 'exports', 'hubspot_contacts.csv'), 'Email\n');
    expect(resolveSourcePath(dir, hubspot, LABEL)).toBe(path.join(dir, 'exports', 'hubspot_contacts.csv'));
  });

  it('names the contract line of the file key and the resolved path when the file is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    const error = catchError(() => resolveSourcePath(dir, salesforce, LABEL));
    const line = lineOf(FULL_EXAMPLE, 'file: exports/salesforce_leads.csv');
    const resolved = path.join(dir, 'exports', 'salesforce_leads.csv');
    expect(error.message).toBe(`${LABEL}:${line}: sources.salesforce.file: 'exports/salesforce_leads.csv' file not found: ${resolved}`);
  });

  it('refuses a folder where a file should be', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    fs.mkdirSync(path.join(dir, 'exports', 'salesforce_leads.csv'), { recursive: true });
    expect(catchError(() => resolveSourcePath(dir, salesforce, LABEL)).message).toMatch(/is a folder, not a file: /);
  });
});

describe('resolveSourceColumns', () => {
  const columns = ['Record ID', ' EMAIL ', 'Lifecycle Stage', 'Became a Marketing Qualified Lead Date', 'Owner'];

  it('matches headers ignoring case and surrounding spaces, returning the file headers', () => {
    expect(resolveSourceColumns(hubspot, columns, LABEL)).toEqual({
      fields: { email: ' EMAIL ', lifecycle_stage: 'Lifecycle Stage', mql_at: 'Became a Marketing Qualified Lead Date' },
      id: 'Record ID',
    });
  });

  it('prefers the exact header when several match ignoring case', () => {
    const resolved = resolveSourceColumns(hubspot, ['email', ...columns.slice(0, 1), 'Email', ...columns.slice(2)], LABEL);
    expect(resolved.fields.email).toBe('Email');
  });

  it('names the key and line, suggests the nearest column and lists the file columns', () => {
    const source: SourceSpec = { ...hubspot, fields: { ...hubspot.fields, email: 'E-mail' } };
    const error = catchError(() => resolveSourceColumns(source, ['Record ID', 'Email', 'Lifecycle Stage', 'Became a Marketing Qualified Lead Date'], LABEL));
    const line = lineOf(FULL_EXAMPLE, 'lifecycle_stage: Lifecycle Stage') - 1;
    expect(error.message).toBe(
      `${LABEL}:${line}: sources.hubspot.fields.email: column 'E-mail' is not in exports/hubspot_contacts.csv; did you mean 'Email'? ` +
        "The file's columns: Record ID, Email, Lifecycle Stage, Became a Marketing Qualified Lead Date",
    );
  });

  it('reports every missing column, including the id column', () => {
    const error = catchError(() => resolveSourceColumns(hubspot, ['Email', 'Stage'], LABEL));
    expect(error.issues.map((issue) => [issue.key, issue.line])).toEqual([
      ['sources.hubspot.fields.lifecycle_stage', lineOf(FULL_EXAMPLE, 'lifecycle_stage: Lifecycle Stage')],
      ['sources.hubspot.fields.mql_at', lineOf(FULL_EXAMPLE, 'mql_at: Became')],
      ['sources.hubspot.id', lineOf(FULL_EXAMPLE, 'id: Record ID')],
    ]);
    expect(error.issues[2]?.message).toBe("column 'Record ID' is not in exports/hubspot_contacts.csv. The file's columns: Email, Stage");
    expect(error.message).toMatch(/ \(and 2 more problems\)$/);
  });

  it('refuses a header that matches two columns only ignoring case', () => {
    const error = catchError(() => resolveSourceColumns(salesforce, ['EMAIL', 'email ', 'Created Date', 'Lead Status'], LABEL));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toBe("column 'Email' matches several columns of exports/salesforce_leads.csv: EMAIL, email ");
  });
});
