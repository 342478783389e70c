// Every problem of a new investigation's form, by field: the form's own checks, the disk (folder, file name, exports) and the contract it would write.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FieldProblem, NewInvestigation, SourceDraft } from '../../../shared/api';
import { checkInvestigationForm } from '../../../shared/checkInvestigationForm';
import { buildNewContractText } from './buildNewContractText';
import { ContractError } from '../contract/ContractError';
import { parseContract } from '../contract/parseContract';

const EXPORT_TYPES = ['.csv', '.tsv', '.txt', '.xlsx'];

/** `name-2.recon.yaml`, `name-3.recon.yaml`...: the first that does not exist yet. */
function findFreeName(contractPath: string): string {
  const base = contractPath.replace(/\.recon\.yaml$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}.recon.yaml`;
    if (!existsSync(candidate)) return candidate;
  }
}

function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The contract's folder may be missing (Create makes it) but must be creatable, and the file must be new. */
function checkContractPath(contractPath: string): FieldProblem[] {
  if (!path.isAbsolute(contractPath)) return [{ field: 'contractPath', message: 'write the full path of the contract file (from the top folder)' }];
  if (existsSync(contractPath)) {
    return [{ field: 'contractPath', message: `${path.basename(contractPath)} already exists: choose another name (an existing contract is opened, never overwritten)`, suggestion: findFreeName(contractPath) }];
  }
  let folder = path.dirname(contractPath);
  while (!existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  if (!statSync(folder).isDirectory()) return [{ field: 'contractPath', message: `${folder} is a file, not a folder` }];
  if (!isWritable(folder)) return [{ field: 'contractPath', message: `cannot write in the folder ${folder}: choose another place` }];
  return [];
}

function checkExportFile(field: string, draft: Pick<SourceDraft, 'file'>): FieldProblem[] {
  const file = path.resolve(draft.file);
  const problem = (message: string): FieldProblem[] => [{ field, message }];
  if (!EXPORT_TYPES.includes(path.extname(file).toLowerCase())) return problem(`${path.basename(file)} is not an export the workbench reads (${EXPORT_TYPES.join(', ')})`);
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return problem(`file not found: ${file}`);
  if (!stats.isFile()) return problem(`${file} is a folder, not a file`);
  try {
    accessSync(file, constants.R_OK);
  } catch {
    return problem(`cannot read ${file}: check its permissions`);
  }
  return [];
}

/** The control of an attribution entry each contract key is set by (`time_decay.half_life` -> the half-life). */
const ATTRIBUTION_CONTROLS: [RegExp, string][] = [
  [/^(name|opportunities|via|people|lookback|models)\b/, ''],
  [/^time_decay\b/, 'halfLife'],
  [/^w_shaped\b/, 'milestone'],
  [/^self_reported\b/, 'selfReported'],
  [/^sourced\b/, 'sourced'],
];

/** touches and attribution: the touches block, or the control of the entry (`attribution[0].lookback` -> `revenue.attribution.0.lookback`). */
function placeAttributionIssue(key: string): string | undefined {
  if (key === 'attribution' || key.startsWith('touches')) return 'revenue.touches';
  const entry = /^attribution\[(\d+)\]\.?(.*)$/.exec(key);
  if (!entry) return undefined;
  const [, index, rest = ''] = entry;
  const control = ATTRIBUTION_CONTROLS.find(([pattern]) => pattern.test(rest));
  if (!control) return `revenue.attribution.${index}`;
  return `revenue.attribution.${index}.${control[1] || (rest.split(/[.[]/)[0] ?? '')}`;
}

/** Where a problem of revenue.md's part shows: the block of the form declaring it (`revenue.funnels.0`, `revenue.sla.1`...). */
function placeRevenueIssue(spec: NewInvestigation, key: string): string | undefined {
  const revenue = spec.revenue;
  if (!revenue) return undefined;
  const attribution = placeAttributionIssue(key);
  if (attribution) return attribution;
  const indexed = /^(funnels|shared_metrics\.sla)\[(\d+)\]/.exec(key);
  if (indexed) return `revenue.${indexed[1] === 'funnels' ? 'funnels' : 'sla'}.${indexed[2]}`;
  const named = (list: { name: string }[], prefix: string, block: string) => {
    const at = list.findIndex((item) => key === `${prefix}.${item.name}` || key.startsWith(`${prefix}.${item.name}.`));
    return at >= 0 ? `revenue.${block}.${at}` : undefined;
  };
  const found = named(revenue.links, 'links', 'links') ?? named(revenue.sources, 'sources', 'sources') ?? named(revenue.metrics, 'metrics', 'metrics');
  if (found) return found;
  if (key.startsWith('shared_metrics.spend')) return 'revenue.spend';
  if (key.startsWith('shared_metrics')) return 'revenue.wonMetric';
  return undefined;
}

/** Where a problem of the written contract shows in the form: `sources.<name>.fields.key` -> `left.fields.key`... */
function placeContractIssue(spec: NewInvestigation, key: string): string {
  const revenue = placeRevenueIssue(spec, key);
  if (revenue) return revenue;
  if (key === 'contract') return 'title';
  if (key === 'reporting.timezone') return 'timezone';
  if (key.startsWith('reporting.period')) return key.endsWith('.from') ? 'from' : 'to';
  if (key === 'reporting.currency') return 'currency';
  if (key.startsWith('reporting.rates')) return key.replace(/^reporting\./, '');
  const compared = /^reconcile\[0\]\.compare\.([^.]+)/.exec(key)?.[1];
  const at = (spec.compare ?? []).findIndex((entry) => entry.field === compared);
  if (at >= 0) return `compare.${at}`;
  if (/^reconcile\[0\]\.match/.test(key)) return 'normalize';
  for (const side of ['left', 'right'] as const) {
    const { name, metric } = spec[side];
    if (key === `sources.${name}`) return `${side}.name`;
    if (key.startsWith(`sources.${name}.`)) return `${side}.${key.slice(`sources.${name}.`.length)}`;
    if (key.startsWith(`metrics.${metric}.exclude`)) return `${side}.${key.slice(`metrics.${metric}.`.length)}`;
    if (key === `metrics.${metric}` || key.startsWith(`metrics.${metric}.`)) return `${side}.metric`;
  }
  return 'contract';
}

/** The engine's check: nothing is written; Create refuses with exactly these problems. */
export function checkNewInvestigation(spec: NewInvestigation): FieldProblem[] {
  const problems = checkInvestigationForm(spec);
  const contractPath = spec.contractPath.trim();
  if (!problems.some((p) => p.field === 'contractPath')) problems.push(...checkContractPath(contractPath));
  for (const side of ['left', 'right'] as const) {
    if (!problems.some((p) => p.field === `${side}.file`)) problems.push(...checkExportFile(`${side}.file`, spec[side]));
  }
  (spec.revenue?.sources ?? []).forEach((source, i) => problems.push(...checkExportFile(`revenue.sources.${i}`, source)));
  if (problems.length > 0) return problems;
  // The form's values are sound one by one: the contract they make must parse as well.
  const absolute = path.resolve(contractPath);
  try {
    parseContract(buildNewContractText(spec, absolute, '2000-01-01'), path.basename(absolute));
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return error.issues.map((issue) => ({ field: placeContractIssue(spec, issue.key), message: `${issue.key}: ${issue.message}` }));
  }
  return [];
}
