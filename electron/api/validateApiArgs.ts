// The one gate every transport (IPC, HTTP) passes a call through: the method exists and each argument has its shape.
import { API_METHODS, COMPARE_KINDS, FOLDER_ACCEPTS, MAX_PAGE_ROWS, REVENUE_EXPORT_KINDS, SAMPLE_NAMES, type WorkbenchApi } from '../../shared/api';
import { NORMALIZERS, SYSTEMS } from '../../shared/contractTypes';
import { ATTRIBUTION_LISTS, FUNNEL_LISTS, SHARED_METRIC_NAMES, SLA_LISTS } from '../../shared/metricsReportTypes';
import { ATTRIBUTION_MODELS } from '../../shared/revenueContractTypes';
import { BUCKET_KINDS, LISTING_KINDS } from '../../shared/reportTypes';
import { DECISION_STATUSES } from '../../shared/reviewTypes';
import { UserError } from '../engine/UserError';
import {
  checkBoolean,
  checkList,
  checkName,
  checkNullable,
  checkObject,
  checkOneOf,
  checkString,
  checkStringRecord,
  checkWholeNumber,
  mayHave,
  mustHave,
  refuseArgument,
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
  kind: mustHave(checkOneOf(LISTING_KINDS)),
  reason: mayHave(checkName),
  unreadableColumn: mayHave(checkName),
  sort: mayHave(checkList(checkObject({ column: mustHave(checkName), direction: mustHave(checkOneOf(['asc', 'desc'])) }), 100)),
  filter: mayHave(
    checkList(
      checkObject({ column: mustHave(checkName), op: mustHave(checkOneOf(FILTER_OPS)), value: mayHave(checkString({ nonEmpty: false, max: 4096 })) }),
      100,
    ),
  ),
});

const checkPairQuery = checkObject({
  reconciliation: mustHave(checkName),
  differs: mayHave(checkName),
  amountChanged: mayHave(checkBoolean),
});

const TOUCH_MODELS = ATTRIBUTION_MODELS.filter((m) => m !== 'self_reported');

// An attribution list: a credit line (with `model`), a cell of the agreement matrix (with `agreement`), or another list.
const checkAttributionList: ArgumentCheck = (value, at) => {
  const keys = value as Record<string, unknown>;
  if (Object.hasOwn(keys, 'model')) {
    checkObject({
      attribution: mustHave(checkName),
      model: mustHave(checkOneOf(ATTRIBUTION_MODELS)),
      channel: mustHave(checkName),
      campaign: mustHave(checkNullable(checkName)),
      list: mustHave(checkOneOf(['opportunities', 'touches'])),
    })(value, at);
  } else if (Object.hasOwn(keys, 'agreement')) {
    checkObject({ attribution: mustHave(checkName), agreement: mustHave(checkOneOf(TOUCH_MODELS)), reported: mustHave(checkName), touched: mustHave(checkName) })(value, at);
  } else {
    checkObject({ attribution: mustHave(checkName), list: mustHave(checkOneOf(ATTRIBUTION_LISTS)) })(value, at);
  }
};

// One list of the metrics report: which of the shapes is told by its first key (funnel, sla, shared or attribution).
const METRIC_LIST_SHAPES: Record<string, ArgumentCheck> = {
  funnel: checkObject({ funnel: mustHave(checkName), stage: mayHave(checkWholeNumber(1, 1000)), list: mustHave(checkOneOf(FUNNEL_LISTS)) }),
  sla: checkObject({ sla: mustHave(checkName), list: mustHave(checkOneOf(SLA_LISTS)) }),
  shared: checkObject({ shared: mustHave(checkOneOf(SHARED_METRIC_NAMES)), by: mustHave(checkNullable(checkName)) }),
  attribution: checkAttributionList,
};

const checkMetricListQuery: ArgumentCheck = (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuseArgument(at, 'an object', value);
  const shape = Object.keys(METRIC_LIST_SHAPES).find((key) => Object.hasOwn(value, key));
  if (!shape) refuseArgument(at, 'an object with a funnel, sla, shared or attribution key', value);
  (METRIC_LIST_SHAPES[shape] as ArgumentCheck)(value, at);
};

// A decision's target: a bridge line (kind and reason), one record (record) or a metrics list (list).
const checkDecisionTarget: ArgumentCheck = (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuseArgument(at, 'an object', value);
  if (Object.hasOwn(value, 'list')) checkObject({ list: mustHave(checkMetricListQuery) })(value, at);
  else if (Object.hasOwn(value, 'record')) checkObject({ reconciliation: mustHave(checkName), side: mustHave(checkOneOf(['left', 'right'])), record: mustHave(checkName) })(value, at);
  else checkObject({ reconciliation: mustHave(checkName), side: mustHave(checkOneOf(['left', 'right'])), kind: mustHave(checkOneOf(BUCKET_KINDS)), reason: mustHave(checkName) })(value, at);
};

// A note is free text, kept on one line of the decisions file: long enough for a paragraph, not for a pasted export.
const checkNote = checkString({ nonEmpty: false, max: 10_000 });

const checkPage = checkObject({
  offset: mustHave(checkWholeNumber(0, Number.MAX_SAFE_INTEGER)),
  limit: mustHave(checkWholeNumber(1, MAX_PAGE_ROWS)),
});

// Text fields may be empty or wrong here: checkNewInvestigation says what is wrong with each, next to its field.
const formText = checkString({ nonEmpty: false, max: 4096 });
const checkRule = checkObject({
  name: mustHave(checkName),
  expression: mustHave(checkString({ nonEmpty: true, max: 65536 })),
  description: mayHave(checkString({ nonEmpty: false, max: 65536 })),
});

const checkSourceDraft = checkObject({
  name: mustHave(checkName),
  system: mustHave(checkOneOf(SYSTEMS)),
  file: mustHave(checkName),
  // As many files as a contract's list or glob may name: a year of monthly exports and more.
  files: mayHave(checkObject({ folder: mustHave(checkName), entries: mustHave(checkList(checkName, 1000)) })),
  sheet: mayHave(checkName),
  timezone: mustHave(checkString({ nonEmpty: false, max: 200 })),
  id: mayHave(checkName),
  // Columns may still be unchosen ('') while the form is being filled in: checkNewInvestigation names them.
  fields: mustHave(checkStringRecord(checkName, checkString({ nonEmpty: false, max: 4096 }))),
  metric: mustHave(checkString({ nonEmpty: false, max: 4096 })),
  // Empty until a date column is chosen (an export with no date column): checkNewInvestigation names it.
  dateField: mustHave(checkString({ nonEmpty: false, max: 4096 })),
  exclude: mayHave(checkList(checkRule, 100)),
  value: mayHave(checkName),
  keyIsId: mayHave(checkBoolean),
});

const checkCompareDraft = checkObject({
  field: mustHave(checkName),
  left: mayHave(checkName),
  right: mayHave(checkName),
  kind: mustHave(checkOneOf(COMPARE_KINDS)),
  tolerance: mayHave(checkString({ nonEmpty: false, max: 200 })),
  map: mayHave(checkStringRecord(checkString({ nonEmpty: false, max: 4096 }), checkString({ nonEmpty: false, max: 4096 }))),
});

const checkDurationDraft = checkObject({ amount: mustHave(formText), unit: mustHave(checkOneOf(['days', 'hours'])) });
const checkTouchesDraft = checkObject({
  source: mustHave(formText),
  key: mustHave(formText),
  date: mustHave(formText),
  channel: mustHave(formText),
  campaign: mayHave(checkName),
  marketingChannels: mustHave(checkList(formText, 500)),
});
const checkAttributionDraft = checkObject({
  name: mustHave(formText),
  opportunities: mustHave(formText),
  via: mayHave(checkName),
  people: mustHave(checkOneOf(['all', 'primary'])),
  lookback: mustHave(checkDurationDraft),
  models: mustHave(checkList(checkOneOf(ATTRIBUTION_MODELS), ATTRIBUTION_MODELS.length)),
  halfLife: mustHave(checkDurationDraft),
  milestone: mayHave(checkName),
  selfReportedField: mayHave(checkName),
  selfReportedMap: mayHave(checkStringRecord(formText, formText)),
  sourcedCrm: mayHave(formText),
  sourcedTouches: mayHave(checkOneOf(ATTRIBUTION_MODELS.filter((model) => model !== 'self_reported'))),
});
const fieldMap = checkStringRecord(checkName, checkString({ nonEmpty: false, max: 4096 }));
// revenue.md's part of the form: names and fields may be empty while typed, checkNewInvestigation says which.
const checkRevenueDraft = checkObject({
  sources: mustHave(
    checkList(
      checkObject({
        name: mustHave(formText),
        system: mustHave(checkOneOf(SYSTEMS)),
        file: mustHave(checkName),
        sheet: mayHave(checkName),
        timezone: mustHave(formText),
        id: mayHave(checkName),
        fields: mustHave(fieldMap),
        kind: mayHave(checkOneOf(REVENUE_EXPORT_KINDS)),
      }),
      50,
    ),
  ),
  metrics: mustHave(checkList(checkObject({ name: mustHave(formText), source: mustHave(formText), date: mustHave(formText), value: mayHave(checkName), exclude: mayHave(checkList(checkRule, 100)) }), 100)),
  links: mustHave(
    checkList(
      checkObject({ name: mustHave(formText), source: mustHave(formText), from: mustHave(formText), to: mustHave(formText), salesforceIds: mayHave(checkBoolean), primary: mayHave(formText) }),
      50,
    ),
  ),
  funnels: mustHave(
    checkList(
      checkObject({
        name: mustHave(formText),
        cohort: mustHave(formText),
        key: mustHave(formText),
        stages: mustHave(checkList(checkObject({ metric: mustHave(formText), via: mayHave(checkName) }), 50)),
        window: mustHave(formText),
      }),
      50,
    ),
  ),
  sla: mustHave(
    checkList(
      checkObject({
        name: mustHave(formText),
        from: mustHave(formText),
        source: mustHave(formText),
        key: mustHave(formText),
        date: mustHave(formText),
        where: mayHave(formText),
        within: mustHave(formText),
        unit: mustHave(checkOneOf(['hours', 'days'])),
      }),
      50,
    ),
  ),
  spend: mayHave(checkObject({ source: mustHave(formText), date: mustHave(formText), value: mustHave(formText), channel: mayHave(checkName) })),
  wonMetric: mayHave(checkName),
  lostMetric: mayHave(checkName),
  opportunityMetric: mayHave(checkName),
  winRateBy: mayHave(checkName),
  touches: mayHave(checkTouchesDraft),
  attribution: mayHave(checkList(checkAttributionDraft, 20)),
});
const checkNewInvestigation = checkObject({
  title: mustHave(formText),
  contractPath: mustHave(formText),
  timezone: mustHave(formText),
  from: mustHave(formText),
  to: mustHave(formText),
  left: mustHave(checkSourceDraft),
  right: mustHave(checkSourceDraft),
  normalize: mayHave(checkList(checkOneOf(NORMALIZERS), NORMALIZERS.length)),
  currency: mayHave(formText),
  rates: mayHave(checkStringRecord(checkName, formText)),
  compare: mayHave(checkList(checkCompareDraft, 100)),
  revenue: mayHave(checkRevenueDraft),
});

const contractText = { name: 'text', check: checkString({ nonEmpty: false }) };
const reconciliation = { name: 'reconciliation', check: checkName };

/** Every method's parameters in order; the compiler insists each method of the API is listed. */
// A side of a comparison (review.md): a revision, the open contract, or a pilot contract file; told apart by its key.
const CONTRACT_REF_SHAPES: Record<string, ArgumentCheck> = {
  revision: checkObject({ revision: mustHave(checkWholeNumber(1, 1_000_000)) }),
  open: checkObject({ open: mustHave((value, at) => {
      if (value !== true) refuseArgument(at, 'true', value);
    }) }),
  file: checkObject({ file: mustHave(checkName) }),
};

const checkContractRef: ArgumentCheck = (value, at) => {
  const shape = typeof value === 'object' && value !== null ? Object.keys(CONTRACT_REF_SHAPES).find((key) => Object.hasOwn(value, key)) : undefined;
  if (!shape) refuseArgument(at, 'an object with a revision, open or file key', value);
  CONTRACT_REF_SHAPES[shape]?.(value, at);
};

const checkBucketRef = checkObject({ kind: mustHave(checkOneOf(BUCKET_KINDS)), reason: mustHave(checkName) });

const checkMovedQuery = checkObject({
  reconciliation: mustHave(checkName),
  side: mustHave(checkOneOf(['left', 'right'])),
  from: mustHave(checkBucketRef),
  to: mustHave(checkBucketRef),
});

const SIGNATURES: Record<ApiMethod, Parameter[]> = {
  getSession: [],
  listRecent: [],
  openSample: [{ name: 'sample', check: checkOneOf(SAMPLE_NAMES), optional: true }],
  openContract: [{ name: 'contractPath', check: checkName }],
  previewExport: [{ name: 'file', check: checkName }, { name: 'sheet', check: checkName, optional: true }],
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
  getWorkspace: [],
  checkNewInvestigation: [{ name: 'spec', check: checkNewInvestigation }],
  previewDates: [
    { name: 'file', check: checkName },
    { name: 'sheet', check: checkNullable(checkName) },
    { name: 'column', check: checkName },
    { name: 'timezone', check: checkName },
  ],
  listFolder: [
    { name: 'folder', check: checkName, optional: true },
    { name: 'accept', check: checkOneOf(FOLDER_ACCEPTS), optional: true },
  ],
  countRuleMatches: [
    { name: 'source', check: checkSourceDraft },
    { name: 'expression', check: checkString({ nonEmpty: true, max: 65536 }) },
    { name: 'reportingZone', check: checkName, optional: true },
  ],
  readContractFile: [{ name: 'contractPath', check: checkName }],
  saveContractFile: [{ name: 'contractPath', check: checkName }, contractText],
  resetSample: [{ name: 'sample', check: checkOneOf(SAMPLE_NAMES), optional: true }],
  listColumnValues: [{ name: 'source', check: checkSourceDraft }, { name: 'column', check: checkName }],
  listAmountCurrencies: [{ name: 'source', check: checkSourceDraft }, { name: 'reportingCurrency', check: checkName, optional: true }],
  countPairs: [{ name: 'query', check: checkPairQuery }],
  fetchPairs: [
    { name: 'query', check: checkPairQuery },
    { name: 'page', check: checkPage },
  ],
  getMetricsReport: [{ name: 'options', check: checkObject({ ids: mayHave(checkBoolean) }), optional: true }],
  fetchMetricRecords: [
    { name: 'query', check: checkMetricListQuery },
    { name: 'page', check: checkPage },
  ],
  tracePersonTimeline: [
    { name: 'funnel', check: checkName },
    { name: 'recordId', check: checkName },
  ],
  tracePersonPath: [
    { name: 'metric', check: checkName },
    { name: 'recordId', check: checkName },
  ],
  traceDealTouches: [
    { name: 'attribution', check: checkName },
    { name: 'recordId', check: checkName },
  ],
  listRevisions: [],
  getRevision: [{ name: 'number', check: checkWholeNumber(1, 1_000_000) }],
  compareContracts: [
    { name: 'a', check: checkContractRef },
    { name: 'b', check: checkContractRef },
  ],
  fetchMovedRows: [
    { name: 'query', check: checkMovedQuery },
    { name: 'page', check: checkPage },
  ],
  getReview: [],
  setReviewer: [{ name: 'name', check: checkString({ nonEmpty: true, max: 200 }) }],
  decide: [
    { name: 'target', check: checkDecisionTarget },
    { name: 'status', check: checkOneOf(DECISION_STATUSES) },
    { name: 'note', check: checkNote },
  ],
  signOff: [reconciliation, { name: 'note', check: checkNote }],
  exportAuditPack: [],
  listSourceColumns: [],
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
    // An optional argument left out before one that is given: JSON (the browser shell) carries its undefined as null.
    if (parameter.optional && value === null) given[i] = undefined;
    else parameter.check(value, `${method}: ${parameter.name}`);
  });
  return given as Parameters<WorkbenchApi[M]>;
}
