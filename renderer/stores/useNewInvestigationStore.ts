// The new-investigation form: its values, the problems of each field (checked as typed, by the form then the engine), and Create.
import { create } from 'zustand';
import type { FieldProblem, NewInvestigation, SourceDraft } from '../../shared/api';
import { checkInvestigationForm } from '../../shared/checkInvestigationForm';
import type { Normalizer } from '../../shared/contractTypes';
import { DEFAULT_NORMALIZERS } from '../../shared/NORMALIZER_WORDS';
import { getApi } from '../api/getApi';
import { proposeContractPath } from '../model/proposeContractPath';
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
}

interface NewInvestigationState {
  values: FormValues;
  left: SourceDraft | null;
  right: SourceDraft | null;
  workspace: string | null;
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
  /** The export forms keep what they read while on screen: a form shown anew starts with no export read. */
  forgetDrafts(): void;
  create(): Promise<void>;
}

/** A side not read yet: every check of it but the file's is moot. */
const UNREAD: SourceDraft = { name: '', system: 'other', file: '', timezone: 'UTC', fields: {}, metric: '', dateField: '' };

export function buildSpec(state: Pick<NewInvestigationState, 'values' | 'left' | 'right' | 'workspace'>): NewInvestigation {
  const { values } = state;
  const contractPath = values.contractPath || (state.workspace ? proposeContractPath(state.workspace, values.title) : '');
  return { ...values, contractPath, title: values.title.trim(), left: state.left ?? UNREAD, right: state.right ?? UNREAD };
}

/** The problems to show now: the engine's when it answered for this very spec, else the form's own. */
export function findShownProblems(state: NewInvestigationState): FieldProblem[] {
  const spec = buildSpec(state);
  const all = state.checked?.spec === JSON.stringify(spec) ? state.checked.problems : checkInvestigationForm(spec);
  const unread = (['left', 'right'] as const).filter((side) => !state[side]);
  return all.filter((p) => {
    const side = unread.find((s) => p.field.startsWith(`${s}.`));
    if (side) return p.field === `${side}.file` && state.submitted;
    const read = p.field.startsWith('left.') || p.field.startsWith('right.');
    return state.submitted || read || state.touched.includes(p.field) || (p.field === 'to' && state.touched.includes('from'));
  });
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;

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
  return {
    values: { title: '', from: '', to: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, contractPath: '', normalize: DEFAULT_NORMALIZERS },
    left: null,
    right: null,
    workspace: null,
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
      checkSoon();
    },
    setDraft(side, draft) {
      set(side === 'left' ? { left: draft, createError: null } : { right: draft, createError: null });
      // An export read: a banner about an earlier read no longer applies.
      if (draft) useErrorStore.getState().clearErrors();
      checkSoon();
    },
    forgetDrafts() {
      set({ left: null, right: null, checked: null });
    },
    async create() {
      clearTimeout(checkTimer);
      const spec = buildSpec(get());
      set({ submitted: true, createError: null });
      const local = checkInvestigationForm(spec);
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
        set({ values: { ...get().values, title: '', contractPath: '' }, touched: [], submitted: false, checked: null });
        return;
      }
      // Something changed between the check and Create (a file appeared...): the fields say what.
      if (outcome.code === 'invalid_form') checkSoon();
      else if (outcome.message) set({ createError: outcome.message });
    },
  };
});
