/**
 * `useOncefill`: React over the headless form session. The session holds every value and
 * decides who owns it; React renders from it. Controlled components read and write through
 * `register`; a form library that keeps its own state (react-hook-form) gets oncefill's values
 * through `apply(setValue)` and is read through `getValues`, so a value the citizen typed
 * there stays theirs.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ConsentPrompt } from '../resolve/resolve-prefill.js';
import { resolvePrefill } from '../resolve/resolve-prefill.js';
import type { Candidate, FieldReason, FieldStatus, FieldValue, PrefillResult, Provenance } from '../resolve/types.js';
import type { Procedure } from '../schema/procedure-format.js';
import { createFormSession, type FormSession, type SetBy, type SubmissionEnvelope } from '../session/create-form-session.js';
import type { ActingFor, SourceId } from '../shared/protocol.js';
import { createAbortController, monotonicNow } from '../shared/host.js';
import type { Sources } from '../sources/types.js';
import { trackForm } from '../telemetry/track-form.js';
import type { SubmitFailure } from '../timing/flow-constants.js';
import { trackSession, type SessionTracking } from './track-session.js';

export interface UseOncefillOptions {
  /** Where the data comes from: `createGatewaySources({ baseUrl })`, created once (outside the component or memoized). */
  sources: Sources;
  /** Act for a business or a represented person; a change prefills again. */
  actingFor?: ActingFor;
  /** Asks the citizen before a source that needs consent; resolve `true` to go on. */
  consent?: (prompt: ConsentPrompt) => boolean | Promise<boolean>;
  /** One-time codes answering earlier `challenge` statuses, by source. */
  challenges?: Partial<Record<SourceId, { id: string; code: string }>>;
  /** Stop waiting for sources after this long (default 10 s); the form stays usable. */
  deadlineMs?: number;
  /** The portal session's fingerprint, when the page knows it. */
  fingerprint?: string;
  /** Read a value a form library holds (react-hook-form's `getValues`): a value found there that oncefill did not write is the citizen's. */
  getValues?: (path: string) => unknown;
  /** Time-to-submit and telemetry for this form (`form:opened`, `prefill:resolved`, field events). Default true. */
  track?: boolean;
  /** Errors from listeners and the prefill land here; nothing is thrown into the page. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_USE_ONCEFILL_OPTIONS = { track: true } as const;

/** `loading` until every source answered or gave up. */
export type OncefillStatus = 'loading' | 'ready';

/** One field as the form shows it. */
export interface OncefillField {
  value: FieldValue | undefined;
  /** The prefill status (`filled`, `conflict`, `missing`…); undefined before any answer. */
  status: FieldStatus | undefined;
  reason?: FieldReason;
  /** Who set the value: `oncefill`, or the citizen (or the page) when they did. */
  setBy?: SetBy;
  provenance?: Provenance;
  /** A verified value: shown read-only until the citizen disputes it. */
  locked: boolean;
  /** A conflict's values, for the citizen to `choose` from. */
  candidates?: Candidate[];
  disputed?: { reason: string };
}

/** Props for a controlled input, select, textarea or a custom widget. */
export interface RegisteredProps {
  name: string;
  /** Text of the value (`''` when empty); absent for checkboxes. */
  value?: string;
  checked?: boolean;
  /** Takes a change event, or the new value itself (custom widgets). */
  onChange: (eventOrValue: { target: { value?: unknown; checked?: unknown; type?: unknown } } | FieldValue) => void;
  readOnly: boolean;
  'aria-readonly'?: true;
  /** `filled`, `conflict`… for styling; absent before any answer. */
  'data-oncefill'?: FieldStatus;
}

/** Writes a value into a form library (react-hook-form's `setValue`). Bivariant, so a typed `setValue` fits. */
export type ValueSetter = {
  bivarianceHack(path: string, value: FieldValue, options: { shouldDirty: boolean; shouldValidate: boolean }): void;
}['bivarianceHack'];

export interface UseOncefillResult {
  /** The headless session underneath (values, provenance, events). */
  session: FormSession;
  status: OncefillStatus;
  /** The latest prefill result (partial while sources answer). */
  result: PrefillResult | undefined;
  /** Every value, by field path. */
  values: Record<string, FieldValue>;
  field(path: string): OncefillField;
  /** Props for a controlled component: `<input {...form.register('phone')} />`. */
  register(path: string, options?: { type?: 'checkbox' }): RegisteredProps;
  /** The citizen set a value (a custom widget). False for a locked field. */
  set(path: string, value: FieldValue | undefined): boolean;
  /**
   * Writes oncefill's values (and conflicts settled with `choose`) into a form library in one
   * pass, each value once (react-hook-form: `apply(setValue)` in an effect on `values`). Values
   * the citizen typed are never written over. Returns the paths written.
   */
  apply(setValue: ValueSetter): string[];
  /** The citizen picks a conflict's candidate. */
  choose(path: string, index: number): boolean;
  /** The citizen says a locked value is wrong: unlocks it and records why. */
  dispute(path: string, reason: string): boolean;
  /** The provenance envelope to submit with the form (as JSON). */
  envelope(): SubmissionEnvelope;
  /** A submit attempt (timing, and `field:kept` for prefilled values kept). */
  submitAttempted(): void;
  /** The attempt failed; `errors` counts errors by field path. */
  submitFailed(reason: SubmitFailure, errors?: Record<string, number>): void;
  /** The portal accepted the dossier: ends the time-to-submit. `dossierRef` is a keyed hash from the server. */
  confirmed(info?: { dossierRef?: string }): void;
}

/** Per hook instance: survives StrictMode's second effect run, so one mount prefills and opens the form once. */
interface Runtime {
  session: FormSession;
  key: string;
  /** Render snapshot: bumped once per change, so a prefill update is one render. */
  version: number;
  listeners: Set<() => void>;
  status: OncefillStatus;
  /** Values last written to a form library, by path. */
  written: Map<string, FieldValue>;
  /** Conflicts the citizen settled with `choose`: written to the library like oncefill's values. */
  chosen: Set<string>;
  tracking?: SessionTracking;
  tracker?: ReturnType<typeof trackForm>;
  stop?: () => void;
  /** A cleanup waiting a tick: StrictMode runs the effect again at once, and then it is cancelled. */
  pendingStop?: ReturnType<typeof setTimeout>;
}

/**
 * Prefills a procedure's form from the portal's sources and keeps each value's owner and
 * provenance. Works with controlled components (`register`) and react-hook-form (`apply`).
 * @example
 * const sources = createGatewaySources({ baseUrl: '/api/oncefill' })
 * function PracticeForm({ procedure }: { procedure: Procedure }) {
 *   const form = useOncefill(procedure, { sources })
 *   return (
 *     <form onSubmit={(e) => { e.preventDefault(); send({ ...form.values, envelope: form.envelope() }) }}>
 *       <input {...form.register('fullName')} />
 *       <input {...form.register('phone')} />
 *     </form>
 *   )
 * }
 */
export function useOncefill(procedure: Procedure, options: UseOncefillOptions): UseOncefillResult {
  if (!procedure || !Array.isArray(procedure.fields)) throw new TypeError('[oncefill] useOncefill needs a procedure from parseProcedure()');
  if (!options || typeof options.sources !== 'object' || options.sources === null)
    throw new TypeError('[oncefill] useOncefill needs { sources }, e.g. createGatewaySources({ baseUrl })');
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // The same procedure parsed again (a refetch, StrictMode's second effect) is the same form.
  const key = `${procedure.code} ${procedure.version} ${JSON.stringify(options.actingFor ?? null)}`;

  const runtimeRef = useRef<Runtime | undefined>(undefined);
  const previous = runtimeRef.current;
  if (!previous || previous.key !== key) {
    const onError = (error: unknown) => report(optionsRef.current, error);
    runtimeRef.current = { session: createFormSession(procedure, { onError }), key, version: 0, listeners: new Set(), status: 'loading', written: new Map(), chosen: new Set() };
  }
  const runtime = runtimeRef.current!;

  const subscribe = useMemo(() => (listener: () => void) => {
    runtime.listeners.add(listener);
    return () => void runtime.listeners.delete(listener);
  }, [runtime]);
  const version = useSyncExternalStore(subscribe, () => runtime.version, () => runtime.version);

  useEffect(() => {
    if (runtime.pendingStop !== undefined) {
      // StrictMode's second run of this effect for the same mount: the prefill goes on.
      clearTimeout(runtime.pendingStop);
      runtime.pendingStop = undefined;
    } else if (!runtime.stop) {
      start(runtime, optionsRef);
    }
    return () => {
      runtime.pendingStop = setTimeout(() => {
        runtime.pendingStop = undefined;
        runtime.stop?.();
      }, 0);
    };
  }, [runtime]);

  return useMemo(() => view(runtime, optionsRef), [runtime, version]);
}

function report(options: UseOncefillOptions, error: unknown): void {
  try {
    options.onError?.(error);
  } catch {
    // The page's error hook failing is not ours to surface.
  }
}

function changed(runtime: Runtime): void {
  runtime.version++;
  for (const listener of [...runtime.listeners]) listener();
}

/** Starts the prefill and the form's tracking; sets `runtime.stop`. */
function start(runtime: Runtime, optionsRef: { current: UseOncefillOptions }): void {
  const { session } = runtime;
  const options = optionsRef.current;
  const controller = createAbortController();
  let stopped = false;
  if (options.track ?? DEFAULT_USE_ONCEFILL_OPTIONS.track) {
    try {
      runtime.tracker = trackForm({ procedure: { code: session.procedure.code, version: session.procedure.version } });
      runtime.tracking = trackSession(session, runtime.tracker);
    } catch (error) {
      report(options, error);
    }
  }
  runtime.stop = () => {
    stopped = true;
    controller.abort();
    runtime.tracking?.stop();
    runtime.tracker?.close();
  };
  const started = monotonicNow();
  const update = (partial: PrefillResult) => {
    if (stopped) return;
    syncFromLibrary(runtime, optionsRef.current, Object.keys(partial.fields));
    session.apply(partial);
    if (partial.complete) runtime.status = 'ready';
    changed(runtime);
  };
  let result: Promise<PrefillResult>;
  try {
    result = resolvePrefill(session.procedure, {
      sources: options.sources,
      signal: controller.signal,
      onUpdate: update,
      ...(options.actingFor ? { actingFor: options.actingFor } : {}),
      ...(options.consent ? { consent: options.consent } : {}),
      ...(options.challenges ? { challenges: options.challenges } : {}),
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
      ...(options.fingerprint !== undefined ? { fingerprint: options.fingerprint } : {}),
    });
  } catch (error) {
    report(options, error);
    runtime.status = 'ready';
    changed(runtime);
    return;
  }
  result.then(
    (final) => {
      if (stopped) return;
      if (runtime.status !== 'ready') update(final);
      runtime.tracking?.prefillDone(final, monotonicNow() - started);
    },
    (error: unknown) => {
      report(optionsRef.current, error);
      if (stopped) return;
      runtime.status = 'ready';
      changed(runtime);
    },
  );
}

/**
 * Reads the form library's values for `paths`: one oncefill did not write counts as the
 * citizen's (the page's, before any prefill touched the field), so the session keeps it.
 */
function syncFromLibrary(runtime: Runtime, options: UseOncefillOptions, paths: string[]): void {
  const read = options.getValues;
  if (!read) return;
  for (const path of paths) {
    let raw: unknown;
    try {
      raw = read(path);
    } catch {
      continue;
    }
    const value = asFieldValue(raw);
    if (value === undefined) continue;
    // Unchanged since oncefill wrote it there, or never written and still empty: nothing new.
    if (runtime.written.has(path) ? sameValue(runtime.written.get(path), value) : isEmpty(value)) continue;
    const state = runtime.session.get(path);
    if (state?.setBy !== undefined && sameValue(state.value, value)) continue;
    runtime.chosen.delete(path);
    runtime.session.set(path, value, state?.setBy === undefined ? 'page' : 'citizen');
  }
}

function view(runtime: Runtime, optionsRef: { current: UseOncefillOptions }): UseOncefillResult {
  const { session } = runtime;
  const field = (path: string): OncefillField => {
    const s = session.get(path);
    const r = s?.result;
    const out: OncefillField = { value: s?.value, status: r?.status, locked: s?.locked === true };
    if (r?.reason) out.reason = r.reason;
    if (s?.setBy) out.setBy = s.setBy;
    if (s?.provenance) out.provenance = s.provenance;
    if (r?.candidates) out.candidates = r.candidates;
    if (s?.disputed) out.disputed = s.disputed;
    return out;
  };
  const set = (path: string, value: FieldValue | undefined): boolean => {
    runtime.chosen.delete(path);
    const accepted = session.set(path, value, 'citizen');
    runtime.tracker?.edited();
    changed(runtime); // a refused change renders the locked value back
    return accepted;
  };
  const syncAll = () => syncFromLibrary(runtime, optionsRef.current, Object.keys(session.result?.fields ?? {}));
  return {
    session,
    status: runtime.status,
    result: session.result,
    values: session.values(),
    field,
    set,
    register(path, opts = {}) {
      const f = field(path);
      const props: RegisteredProps = {
        name: path,
        onChange: (input) => {
          const target = typeof input === 'object' && input !== null && 'target' in input ? input.target : undefined;
          if (!target) return void set(path, input as FieldValue);
          if (opts.type === 'checkbox' || target.type === 'checkbox') return void set(path, target.checked === true);
          set(path, typeof target.value === 'string' ? target.value : String(target.value ?? ''));
        },
        readOnly: f.locked,
      };
      if (opts.type === 'checkbox') props.checked = f.value === true;
      else props.value = typeof f.value === 'string' ? f.value : f.value === undefined || typeof f.value === 'object' ? '' : String(f.value);
      if (f.locked) props['aria-readonly'] = true;
      if (f.status) props['data-oncefill'] = f.status;
      return props;
    },
    apply(setValue) {
      syncAll();
      const written: string[] = [];
      for (const [path, value] of Object.entries(session.values())) {
        if ((session.get(path)?.setBy !== 'oncefill' && !runtime.chosen.has(path)) || sameValue(runtime.written.get(path), value)) continue;
        try {
          setValue(path, value, { shouldDirty: true, shouldValidate: false });
        } catch (error) {
          report(optionsRef.current, error);
          continue;
        }
        runtime.written.set(path, value);
        written.push(path);
      }
      return written;
    },
    choose(path, index) {
      const chosen = session.choose(path, index);
      if (chosen) runtime.chosen.add(path), changed(runtime);
      return chosen;
    },
    dispute(path, reason) {
      const disputed = session.dispute(path, reason);
      if (disputed) changed(runtime);
      return disputed;
    },
    envelope() {
      syncAll();
      return session.envelope();
    },
    submitAttempted() {
      syncAll();
      runtime.tracking ? runtime.tracking.submitAttempted() : runtime.tracker?.submitAttempted();
    },
    submitFailed(reason, errors) {
      runtime.tracker?.submitFailed(reason, errors);
    },
    confirmed(info = {}) {
      runtime.tracker?.confirmed(info);
      session.submitted(info);
    },
  };
}

function asFieldValue(raw: unknown): FieldValue | undefined {
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw as string[];
  return undefined;
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
