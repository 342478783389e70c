// The new-investigation form: its values, the problems of each field (checked as typed, by the form then the engine), and Create.
import { create } from 'zustand';
import type { CompareDraft, ExportPreview, FieldProblem, NewInvestigation, RevenueDraft, SourceDraft } from '../../shared/api';
import { checkCurrencyRates, listForeignCurrencies, type FoundCurrencies } from '../../shared/checkCurrencyRates';
import { checkInvestigationForm } from '../../shared/checkInvestigationForm';
import type { Normalizer } from '../../shared/contractTypes';
import { DEFAULT_NORMALIZERS } from '../../shared/NORMALIZER_WORDS';
import { getApi } from '../api/getApi';
import { proposeContractPath } from '../model/proposeContractPath';
import { suggestNormalizers } from '../model/suggestNormalizers';
import { useErrorStore } from './useErrorStore';
import { useSessionStore } from './useSessionStore';

const CHECK_DELAY_MS = 300;

export interface FormValues {
  title: string;
  from: string;
  to: string;
  timezone: string;
  /** What the user typed; empty: the path proposed in the workspace from the title. */
  contractPath: string;
  normalize: Normalizer[];
  /** money.md: the reporting currency, a rate per other currency found in the amounts, the compare fields in order. */
  currency: string;
  rates: Record<string, string>;
  compare: CompareDraft[];
  /** revenue.md: other exports, their metrics, links, funnels, shared metrics and SLAs. */
  revenue: RevenueDraft;
}

type Previews = { left: ExportPreview | null; right: ExportPreview | null };

interface NewInvestigationState {
  values: FormValues;
  left: SourceDraft | null;
  right: SourceDraft | null;
  workspace: string | null;
  /** What each side's export read as: its columns and first rows (compare columns, the key's look). */
  previews: Previews;
  /** The currencies each side's amounts are in (listAmountCurrencies), for the rates asked. */
  currencies: FoundCurrencies;
  /** Fields the user has changed: their problems show as soon as they are typed. */
  touched: string[];
  /** After a Create: every problem shows, touched or not. */
  submitted: boolean;
  /** The engine's answer and the spec it was for: shown while the form still holds that spec. */
  checked: { spec: string; problems: FieldProblem[] } | null;
  /** Why the last Create failed, when no field is to blame. */
  createError: string | null;
  loadWorkspace(): Promise<void>;
  edit(patch: Partial<FormValues>): void;
  setDraft(side: 'left' | 'right', draft: SourceDraft | null): void;
  notePreview(side: 'left' | 'right', preview: ExportPreview | null): void;
  /** The export forms keep what they read while on screen: a form shown anew starts with no export read. */
  forgetDrafts(): void;
  create(): Promise<void>;
}

/** A side not read yet: every check of it but the file's is moot. */
const UNREAD: SourceDraft = { name: '', system: 'other', file: '', timezone: 'UTC', fields: {}, metric: '', dateField: '' };

const NO_CURRENCIES: FoundCurrencies = { left: [], right: [] };

const NO_REVENUE: RevenueDraft = { sources: [], metrics: [], links: [], funnels: [], sla: [] };

/** The rates of the currencies found now: a rate typed for a currency no longer in the amounts is not written. */
function pickRates(values: FormValues, currencies: FoundCurrencies | undefined): Record<string, string> {
  const foreign = listForeignCurrencies(values, currencies ?? NO_CURRENCIES).map((c) => c.code);
  return Object.fromEntries(Object.entries(values.rates).filter(([code, rate]) => foreign.includes(code) && rate.trim() !== ''));
}

export function buildSpec(state: Pick<NewInvestigationState, 'values' | 'left' | 'right' | 'workspace'> & { currencies?: FoundCurrencies }): NewInvestigation {
  const { values } = state;
  const contractPath = values.contractPath || (state.workspace ? proposeContractPath(state.workspace, values.title) : '');
  const money = {
    currency: values.currency.trim().toUpperCase(),
    rates: pickRates(values, state.currencies),
    compare: values.compare,
  };
  return { ...values, ...money, contractPath, title: values.title.trim(), left: state.left ?? UNREAD, right: state.right ?? UNREAD };
}

/** Compared columns an export no longer has (another file read on that side since): the comparison must be chosen again. */
function checkComparedColumns(spec: NewInvestigation, previews: Previews): FieldProblem[] {
  return (spec.compare ?? []).flatMap((entry, i) =>
    (['left', 'right'] as const).flatMap((side) => {
      const column = entry[side];
      const columns = previews[side]?.columns;
      return column && columns && !columns.includes(column) ? [{ field: `compare.${i}`, message: `the ${side} export has no column '${column}': choose another` }] : [];
    }),
  );
}

/** Every problem of the form by itself, the currencies of the amounts that still lack a rate, and compared columns gone. */
function checkForm(state: NewInvestigationState, spec: NewInvestigation): FieldProblem[] {
  return [...checkInvestigationForm(spec), ...checkCurrencyRates(spec, state.currencies), ...checkComparedColumns(spec, state.previews)];
}

/** Problems about the investigation's money and key, shown as soon as both exports are read: they are questions to answer. */
function isMoneyField(field: string): boolean {
  return field.startsWith('rates.') || field.startsWith('compare.') || field === 'normalize';
}

/** The problems to show now: the engine's when it answered for this very spec, else the form's own. */
export function findShownProblems(state: NewInvestigationState): FieldProblem[] {
  const spec = buildSpec(state);
  const engine = state.checked?.spec === JSON.stringify(spec) ? state.checked.problems : null;
  const all = engine ? [...engine, ...checkCurrencyRates(spec, state.currencies), ...checkComparedColumns(spec, state.previews)] : checkForm(state, spec);
  const unread = (['left', 'right'] as const).filter((side) => !state[side]);
  return all.filter((p) => {
    const side = unread.find((s) => p.field.startsWith(`${s}.`));
    if (side) return p.field === `${side}.file` && state.submitted;
    // The revenue part's blocks are added by the user, each for a purpose: what they lack is said at once.
    const read = p.field.startsWith('left.') || p.field.startsWith('right.') || p.field.startsWith('revenue.') || (isMoneyField(p.field) && state.left !== null && state.right !== null);
    return state.submitted || read || state.touched.includes(p.field) || (p.field === 'to' && state.touched.includes('from'));
  });
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;
let currencyTimer: ReturnType<typeof setTimeout> | undefined;

export const useNewInvestigationStore = create<NewInvestigationState>()((set, get) => {
  /** The engine's check (folder, file name, exports, the contract written), once both exports are read. */
  const checkSoon = () => {
    clearTimeout(checkTimer);
    const state = get();
    if (!state.left || !state.right) return;
    const spec = buildSpec(state);
    checkTimer = setTimeout(() => {
      getApi()
        .checkNewInvestigation(spec)
        .then((problems) => set({ checked: { spec: JSON.stringify(spec), problems } }))
        // The form's own checks still show; Create asks the engine again.
        .catch(() => undefined);
    }, CHECK_DELAY_MS);
  };
  /** The currencies of both sides' amounts, asked again when an amount or currency column, or the reporting currency, changes. */
  let currencyQuery = '';
  const findCurrenciesSoon = () => {
    clearTimeout(currencyTimer);
    const { left, right, values } = get();
    const query = JSON.stringify([left, right].map((d) => (d?.value ? [d.file, d.sheet, d.fields[d.value], d.fields.currency] : null)).concat([values.currency]));
    if (query === currencyQuery) return;
    currencyTimer = setTimeout(() => {
      currencyQuery = query;
      const ask = (draft: SourceDraft | null) => (draft?.value && draft.fields[draft.value] ? getApi().listAmountCurrencies(draft, values.currency.trim() || undefined) : Promise.resolve([]));
      Promise.all([ask(left), ask(right)])
        .then(([l, r]) => {
          if (currencyQuery !== query) return;
          set({ currencies: { left: l, right: r } });
          // The most common currency of the amounts is the likeliest reporting currency, until the user says.
          const current = get().values;
          const likeliest = [...l, ...r].find((c) => /^[A-Z]{3}$/.test(c.value))?.value;
          if (current.currency === '' && !get().touched.includes('currency') && likeliest) {
            set({ values: { ...current, currency: likeliest } });
            findCurrenciesSoon();
          }
          checkSoon();
        })
        // An amount column that does not read is said by the engine's check and at Create.
        .catch(() => set({ currencies: NO_CURRENCIES }));
    }, CHECK_DELAY_MS);
  };
  /** Salesforce ids on both keys: [trim, salesforce_id], until the user chooses the normalisers. */
  const suggestKeyNormalizers = () => {
    const state = get();
    if (state.touched.includes('normalize')) return;
    const normalize = suggestNormalizers(state, state.previews);
    if (normalize.join() !== state.values.normalize.join()) set({ values: { ...state.values, normalize } });
  };
  return {
    values: { title: '', from: '', to: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, contractPath: '', normalize: DEFAULT_NORMALIZERS, currency: '', rates: {}, compare: [], revenue: NO_REVENUE },
    left: null,
    right: null,
    workspace: null,
    previews: { left: null, right: null },
    currencies: NO_CURRENCIES,
    touched: [],
    submitted: false,
    checked: null,
    createError: null,
    async loadWorkspace() {
      try {
        set({ workspace: (await getApi().getWorkspace()).workspace });
      } catch {
        // Without it the path field starts empty and says so: the user types one.
      }
    },
    edit(patch) {
      const touched = new Set(get().touched);
      for (const key of Object.keys(patch)) touched.add(key);
      set({ values: { ...get().values, ...patch }, touched: [...touched], createError: null });
      if ('currency' in patch) findCurrenciesSoon();
      checkSoon();
    },
    setDraft(side, draft) {
      set(side === 'left' ? { left: draft, createError: null } : { right: draft, createError: null });
      // An export read: a banner about an earlier read no longer applies.
      if (draft) useErrorStore.getState().clearErrors();
      suggestKeyNormalizers();
      findCurrenciesSoon();
      checkSoon();
    },
    notePreview(side, preview) {
      set({ previews: { ...get().previews, [side]: preview } });
      suggestKeyNormalizers();
    },
    forgetDrafts() {
      currencyQuery = '';
      set({ left: null, right: null, checked: null, previews: { left: null, right: null }, currencies: NO_CURRENCIES, values: { ...get().values, compare: [], rates: {}, revenue: NO_REVENUE } });
    },
    async create() {
      clearTimeout(checkTimer);
      const spec = buildSpec(get());
      set({ submitted: true, createError: null });
      const local = checkForm(get(), spec);
      if (local.length > 0 || !get().left || !get().right) return;
      let problems: FieldProblem[];
      try {
        problems = await getApi().checkNewInvestigation(spec);
      } catch (error) {
        set({ createError: error instanceof Error ? error.message : String(error) });
        return;
      }
      set({ checked: { spec: JSON.stringify(spec), problems } });
      if (problems.length > 0) return;
      const outcome = await useSessionStore.getState().createInvestigation(spec);
      if (outcome.created) {
        set({ values: { ...get().values, title: '', contractPath: '', currency: '', rates: {}, compare: [], revenue: NO_REVENUE }, touched: [], submitted: false, checked: null });
        return;
      }
      // Something changed between the check and Create (a file appeared...): the fields say what.
      if (outcome.code === 'invalid_form') checkSoon();
      else if (outcome.message) set({ createError: outcome.message });
    },
  };
});
