// Writes the contract of a new investigation from the mapping chosen on screen, commented for the people who sign it.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { NewInvestigation, SourceDraft } from '../../shared/api';
import { UserError } from './UserError';

function describeSource(draft: SourceDraft, contractDir: string): Record<string, unknown> {
  return {
    system: draft.system,
    file: path.relative(contractDir, path.resolve(draft.file)).split(path.sep).join('/'),
    timezone: draft.timezone,
    ...(draft.id ? { id: draft.id } : {}),
    fields: draft.fields,
  };
}

export function writeNewContract(spec: NewInvestigation): string {
  const contractPath = path.resolve(spec.contractPath);
  if (!/\.ya?ml$/i.test(contractPath)) throw new UserError(`the contract file must end in .recon.yaml or .yaml: ${spec.contractPath}`);
  if (existsSync(contractPath)) throw new UserError(`${spec.contractPath} already exists; choose another name (an existing contract is opened, never overwritten)`);
  if (spec.left.name === spec.right.name) throw new UserError('the two sources need different names');
  for (const draft of [spec.left, spec.right]) {
    if (!draft.fields.email) throw new UserError(`${draft.name}: choose the column that holds the e-mail address (the identity key)`);
    if (!draft.fields[draft.dateField]) throw new UserError(`${draft.name}: choose the column of the date field '${draft.dateField}'`);
  }
  const dir = path.dirname(contractPath);
  const body = {
    contract: spec.title,
    version: 1,
    reporting: { timezone: spec.timezone, period: { from: spec.from, to: spec.to } },
    sources: { [spec.left.name]: describeSource(spec.left, dir), [spec.right.name]: describeSource(spec.right, dir) },
    identity: { key: 'email', normalize: ['trim', 'lowercase'] },
    metrics: {
      [spec.left.metric]: { source: spec.left.name, date: spec.left.dateField, dedupe: { keep: 'earliest' } },
      [spec.right.metric]: { source: spec.right.name, date: spec.right.dateField, dedupe: { keep: 'earliest' } },
    },
    reconcile: [{ name: `${spec.left.metric} vs ${spec.right.metric}`, left: spec.left.metric, right: spec.right.metric }],
  };
  const header = [
    '# Metrics contract written by Recon Workbench. Edit it freely: comments and key order are kept.',
    '# Add exclude rules under each metric, e.g.  exclude: { internal: "lower(email) LIKE \'%@yourcompany.com\'" }',
    '',
  ].join('\n');
  writeFileSync(contractPath, header + stringify(body, { lineWidth: 0 }), { flag: 'wx' });
  return contractPath;
}
