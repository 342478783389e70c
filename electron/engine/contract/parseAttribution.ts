// Reads `attribution:` (revenue.md): per entry the opportunities, how their people are reached, the lookback, the models and `sourced`.
import { ATTRIBUTION_MODELS, type AttributionModel, type AttributionSpec, type DurationSpec, type TouchModel, type TouchesSpec } from '../../../shared/revenueContractTypes';
import { checkUniqueNames } from './checkUniqueNames';
import type { ContractReader, Entry } from './ContractReader';
import { readDuration } from './readDuration';
import { readLinkName } from './readLinkName';
import { describeMissingField, readFieldName, readMetricName } from './readReferences';
import { readValueMap } from './readValueMap';
import { findMetricSource, type RevenueContext } from './RevenueContext';
import { ATTRIBUTION_KEYS, SELF_REPORTED_KEYS, SOURCED_KEYS, TIME_DECAY_KEYS, W_SHAPED_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_ATTRIBUTION_KEYS = ['name', 'opportunities', 'models'] as const;
const PEOPLE = ['all', 'primary'] as const;
const TOUCH_MODELS = ATTRIBUTION_MODELS.filter((model): model is TouchModel => model !== 'self_reported');
const DEFAULT_LOOKBACK: DurationSpec = { text: '365 days', hours: 365 * 24 };

/** What a model needs written beside it, as the message names it. */
const MODEL_SETTINGS: Partial<Record<AttributionModel, string>> = {
  time_decay: 'its half-life: time_decay: { half_life: 7 days }',
  w_shaped: 'its milestone metric: w_shaped: { milestone: MQL }',
  self_reported: "the opportunities' field that holds the answer: self_reported: { field: how_heard }",
};

function readModels(reader: ContractReader, entry: Entry | undefined): AttributionModel[] {
  if (!entry) return [];
  const items = reader.readItems(entry.value, entry.key, entry.line);
  if (!items) return [];
  if (items.length === 0) reader.report(entry.line, entry.key, `needs at least one model (${ATTRIBUTION_MODELS.join(', ')})`);
  const models: AttributionModel[] = [];
  for (const item of items) {
    const model = reader.readChoice(item, ATTRIBUTION_MODELS);
    if (model === undefined) continue;
    if (models.includes(model)) reader.report(item.line, item.key, `'${model}' is already listed`);
    else models.push(model);
  }
  return models;
}

function readSourced(reader: ContractReader, entry: Entry): NonNullable<AttributionSpec['sourced']> {
  const sourced: NonNullable<AttributionSpec['sourced']> = {};
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, SOURCED_KEYS, []);
  if (!map) return sourced;
  if (map.size === 0) reader.report(entry.line, entry.key, "needs 'crm' (a rule over the opportunity's fields), 'touches' (a touch model) or both");
  const crmEntry = map.get('crm');
  const crm = reader.readText(crmEntry);
  if (crm !== undefined && crmEntry) Object.assign(sourced, { crm, crmLine: crmEntry.line });
  const touchesEntry = map.get('touches');
  const touchesText = reader.readText(touchesEntry);
  if (touchesText === undefined || !touchesEntry) return sourced;
  if (touchesText === 'self_reported') {
    reader.report(touchesEntry.line, touchesEntry.key, `'self_reported' credits the opportunity's own field, not its touches: write one of ${TOUCH_MODELS.join(' | ')}`);
    return sourced;
  }
  const touches = reader.readChoice(touchesEntry, TOUCH_MODELS);
  if (touches !== undefined) sourced.touches = touches;
  return sourced;
}

/** Touches are found through `via`, or on the opportunities' own field named like the touches' key. */
function checkPeopleReached(reader: ContractReader, item: Entry, spec: AttributionSpec, map: Map<string, Entry>, context: RevenueContext, touches: TouchesSpec | undefined): void {
  const people = map.get('people');
  if (spec.via === undefined) {
    const source = findMetricSource(context, spec.opportunities);
    if (touches?.key && source && !(touches.key in source.fields)) {
      const missing = describeMissingField(touches.key, source);
      reader.report(item.line, `${item.key}.via`, `required key is missing: touches are found on their key '${touches.key}', but ${missing}; name the link that reaches the opportunities' people`);
    }
    if (people && spec.people === 'primary') reader.report(people.line, people.key, "'primary' picks the primary pairs of the 'via' link, and this entry has no 'via'");
    return;
  }
  const link = context.links.find((candidate) => candidate.name === spec.via);
  if (people && spec.people === 'primary' && link && link.primary === undefined) {
    reader.report(people.line, people.key, `'primary' picks the primary pairs of link '${link.name}', but the link has no 'primary' rule`);
  }
}

/** The milestone's records are read per person on their source's field named like the touches' key (not on the identity key). */
function checkMilestoneKey(reader: ContractReader, entry: Entry | undefined, context: RevenueContext, milestone: string, touches: TouchesSpec | undefined): void {
  const source = findMetricSource(context, milestone);
  // A key the touches' own source lacks is said once, on touches.key.
  const touchSource = context.sources.find((candidate) => candidate.name === touches?.source);
  if (!entry || !source || !touches?.key || !touchSource || !(touches.key in touchSource.fields) || touches.key in source.fields) return;
  reader.report(entry.line, entry.key, `metric '${milestone}' dates each person's milestone by the touches' key '${touches.key}', but ${describeMissingField(touches.key, source)}`);
}

/** Each model in use (listed, or named by `sourced.touches`) must have its settings written. */
function checkModelSettings(reader: ContractReader, item: Entry, spec: AttributionSpec, map: Map<string, Entry>): void {
  const used = new Map<AttributionModel, Entry | undefined>(spec.models.map((model) => [model, map.get('models')]));
  if (spec.sourced?.touches !== undefined && !used.has(spec.sourced.touches)) used.set(spec.sourced.touches, map.get('sourced'));
  const present: Partial<Record<AttributionModel, boolean>> = {
    time_decay: spec.halfLife !== undefined || map.has('time_decay'),
    w_shaped: spec.milestone !== undefined || map.has('w_shaped'),
    self_reported: spec.selfReported !== undefined || map.has('self_reported'),
  };
  for (const [model, where] of used) {
    const needs = MODEL_SETTINGS[model];
    if (needs !== undefined && !present[model]) reader.report(where?.line ?? item.line, `${item.key}.${model}`, `'${model}' needs ${needs}`);
  }
}

function readAttribution(reader: ContractReader, item: Entry, context: RevenueContext, touches: TouchesSpec | undefined): AttributionSpec {
  const spec: AttributionSpec = { name: '', opportunities: '', people: 'all', lookback: DEFAULT_LOOKBACK, models: [], line: item.line };
  const map = reader.readFixedMap(item.value, item.key, item.line, ATTRIBUTION_KEYS, REQUIRED_ATTRIBUTION_KEYS);
  if (!map) return spec;
  spec.name = reader.readText(map.get('name'), { numbers: true }) ?? '';
  spec.opportunities = readMetricName(reader, map.get('opportunities'), context.metrics);
  const source = findMetricSource(context, spec.opportunities);
  const viaEntry = map.get('via');
  if (viaEntry) spec.via = readLinkName(reader, viaEntry, context, spec.opportunities);
  spec.people = reader.readChoice(map.get('people'), PEOPLE) ?? 'all';
  spec.lookback = readDuration(reader, map.get('lookback')) ?? DEFAULT_LOOKBACK;
  spec.models = readModels(reader, map.get('models'));
  const timeDecay = map.get('time_decay');
  if (timeDecay) {
    const settings = reader.readFixedMap(timeDecay.value, timeDecay.key, timeDecay.line, TIME_DECAY_KEYS, TIME_DECAY_KEYS);
    const halfLife = readDuration(reader, settings?.get('half_life'), { positive: true });
    if (halfLife) spec.halfLife = halfLife;
  }
  const wShaped = map.get('w_shaped');
  if (wShaped) {
    const settings = reader.readFixedMap(wShaped.value, wShaped.key, wShaped.line, W_SHAPED_KEYS, W_SHAPED_KEYS);
    const milestone = readMetricName(reader, settings?.get('milestone'), context.metrics);
    checkMilestoneKey(reader, settings?.get('milestone'), context, milestone, touches);
    if (milestone) spec.milestone = milestone;
  }
  const selfReported = map.get('self_reported');
  if (selfReported) {
    const settings = reader.readFixedMap(selfReported.value, selfReported.key, selfReported.line, SELF_REPORTED_KEYS, ['field']);
    const field = readFieldName(reader, settings?.get('field'), source);
    const mapEntry = settings?.get('map');
    if (field) spec.selfReported = { field, map: mapEntry ? readValueMap(reader, mapEntry) : {} };
  }
  const sourced = map.get('sourced');
  if (sourced) spec.sourced = readSourced(reader, sourced);
  checkPeopleReached(reader, item, spec, map, context, touches);
  checkModelSettings(reader, item, spec, map);
  return spec;
}

export function parseAttribution(reader: ContractReader, entry: Entry | undefined, context: RevenueContext, touches: TouchesSpec | undefined): AttributionSpec[] {
  if (!entry) return [];
  const items = reader.readItems(entry.value, entry.key, entry.line);
  if (!items) return [];
  if (items.length === 0) reader.report(entry.line, entry.key, 'needs at least one entry (name, opportunities, models), or leave the key out');
  else if (!touches) reader.report(entry.line, entry.key, "attribution credits touches: say how they are read in 'touches' (source, key, date, channel)");
  const specs = items.map((item) => readAttribution(reader, item, context, touches));
  checkUniqueNames(reader, specs, (index) => `${entry.key}[${index}].name`);
  return specs;
}
