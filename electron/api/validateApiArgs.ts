// The one gate every transport (IPC, HTTP) passes a call through: the method exists and each argument has its shape.
import { API_METHODS, MAX_PAGE_ROWS, type WorkbenchApi } from '../../shared/api';
import { SYSTEMS } from '../../shared/contractTypes';
import { BUCKET_KINDS } from '../../shared/reportTypes';
import { UserError } from '../engine/UserError';
import {
  checkBoolean,
  checkList,
  checkName,
  checkObject,
  checkOneOf,
  checkString,
  checkStringRecord,
  checkWholeNumber,
  mayHave,
  mustHave,
  type ArgumentCheck,
} from './ArgumentCheck';

export type ApiMethod = (typeof API_METHODS)[number];

interface Parameter {
  name: string;
  check: ArgumentCheck;
  optional?: boolean;
}

const FILTER_OPS = ['contains', 'equals', 'notEquals', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const;

const checkBucketQuery = checkObject({
  reconciliation: mustHave(checkName),
  side: mustHave(checkOneOf(['left', 'right'])),
  kind: mustHave(checkOneOf(BUCKET_KINDS)),
  reason: mayHave(checkName),
  sort: mayHave(checkList(checkObject({ column: mustHave(checkName), direction: mustHave(checkOneOf(['asc', 'desc'])) }), 100)),
  filter: mayHave(
    checkList(
      checkObject({ column: mustHave(checkName), op: mustHave(checkOneOf(FILTER_OPS)), value: mayHave(checkString({ nonEmpty: false, max: 4096 })) }),
      100,
    ),
  ),
});

const checkPage = checkObject({
  offset: mustHave(checkWholeNumber(0, Number.MAX_SAFE_INTEGER)),
  limit: mustHave(checkWholeNumber(1, MAX_PAGE_ROWS)),
});

const checkSourceDraft = checkObject({
  name: mustHave(checkName),
  system: mustHave(checkOneOf(SYSTEMS)),
  file: mustHave(checkName),
  timezone: mustHave(checkName),
  id: mayHave(checkName),
  fields: mustHave(checkStringRecord(checkName, checkName)),
  metric: mustHave(checkName),
  dateField: mustHave(checkName),
});

const checkNewInvestigation = checkObject({
  title: mustHave(checkName),
  contractPath: mustHave(checkName),
  timezone: mustHave(checkName),
  from: mustHave(checkName),
  to: mustHave(checkName),
  left: mustHave(checkSourceDraft),
  right: mustHave(checkSourceDraft),
});

const contractText = { name: 'text', check: checkString({ nonEmpty: false }) };
const reconciliation = { name: 'reconciliation', check: checkName };

/** Every method's parameters in order; the compiler insists each method of the API is listed. */
const SIGNATURES: Record<ApiMethod, Parameter[]> = {
  getSession: [],
  listRecent: [],
  openSample: [],
  openContract: [{ name: 'contractPath', check: checkName }],
  previewExport: [{ name: 'file', check: checkName }],
  createInvestigation: [{ name: 'spec', check: checkNewInvestigation }],
  getProgress: [],
  cancel: [],
  getReport: [{ name: 'options', check: checkObject({ ids: mayHave(checkBoolean) }), optional: true }],
  getContract: [],
  checkContract: [contractText],
  applyContract: [contractText],
  countRows: [{ name: 'query', check: checkBucketQuery }],
  fetchRows: [
    { name: 'query', check: checkBucketQuery },
    { name: 'page', check: checkPage },
  ],
  inspectKey: [reconciliation, { name: 'key', check: checkName }],
  inspectRecord: [reconciliation, { name: 'side', check: checkOneOf(['left', 'right']) }, { name: 'recordId', check: checkName }],
  exportRows: [
    { name: 'query', check: checkBucketQuery },
    { name: 'format', check: checkOneOf(['csv', 'xlsx']) },
    { name: 'columns', check: checkList(checkName, 10_000), optional: true },
  ],
};

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/**
 * Returns the arguments of a call to `method` when every one has its shape, else throws
 * UserError with code 'invalid_argument' naming the argument. Trailing optional arguments may be
 * left out or undefined.
 */
export function validateApiArgs<M extends ApiMethod>(method: M, args: unknown): Parameters<WorkbenchApi[M]> {
  if (!isApiMethod(method)) throw new UserError(`unknown method '${String(method)}'`, 'invalid_argument');
  if (!Array.isArray(args)) throw new UserError(`${method}: the arguments must be a list, not ${typeof args}`, 'invalid_argument');
  const parameters = SIGNATURES[method];
  const given = [...(args as unknown[])];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  const least = parameters.filter((p) => !p.optional).length;
  if (given.length < least || given.length > parameters.length) {
    const names = parameters.map((p) => (p.optional ? `${p.name}?` : p.name)).join(', ');
    throw new UserError(`${method}(${names}) takes ${least === parameters.length ? least : `${least} to ${parameters.length}`} argument(s), not ${given.length}`, 'invalid_argument');
  }
  given.forEach((value, i) => {
    const parameter = parameters[i] as Parameter;
    parameter.check(value, `${method}: ${parameter.name}`);
  });
  return given as Parameters<WorkbenchApi[M]>;
}
