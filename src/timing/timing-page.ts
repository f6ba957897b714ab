/**
 * Time-to-submit for one page load: the login anchor, the flows (one filling of one form each)
 * open on this page, active time, and the page's lifecycle (hidden, back/forward cache,
 * receipt pages, abandonment). Flows live in sessionStorage so a measurement survives
 * redirects, reloads and multi-page forms; this page only caches the ones it holds open.
 *
 * Nothing here throws into the page: storage is guarded, listeners catch.
 */
import type { AbandonPhase, AbandonReason, AnchorKind, FlowEnding, ProcedureRef, SubmitFailure } from './flow-constants.js';
import { randomId } from './random-id.js';
import { readMetaLogin } from './read-meta-login.js';
import { STORAGE_KEYS, readStored, writeStored } from './tab-storage.js';
import { advance, defaultClocks, startTimeline, type Clocks, type Timeline } from './timeline.js';
import { withoutUndefined } from './without-undefined.js';

/** A gap between two inputs longer than this counts as this long (the citizen stepped away). */
export const ACTIVE_GAP_CAP_MS = 60_000;
/** A flow unfinished for this long without input is reported abandoned (0: never). */
export const DEFAULT_IDLE_ABANDON_MS = 30 * 60_000;
/** After a page loads, how long a form of a pending flow has to reopen before the flow counts as left. */
export const ABANDON_GRACE_MS = 10_000;
/** Flows kept per tab; the oldest is dropped beyond this. */
const MAX_FLOWS = 8;
/** Durations are capped at 31 days (the schema's bound). */
const MAX_MS = 2_678_400_000;

/** The measurement given to `onTimeToSubmit` and carried by `submit:confirmed`. */
export interface TimingMetrics {
  anchor: AnchorKind;
  sequence: number;
  totalMs: number;
  sinceOpenMs: number;
  monotonicMs: number;
  activeMs: number;
  authMs?: number;
  prefillWaitMs?: number;
  fillingMs: number;
  fixingMs: number;
  submitRoundTripMs: number;
  firstEditMs?: number;
  attempts: number;
  pages: number;
  suspended: boolean;
  clockChanged: boolean;
}

/** What `onTimeToSubmit` reports: a plain object. */
export interface TimeToSubmit extends TimingMetrics {
  /** The flow's random id (the `flow` of its telemetry events). */
  flow: string;
  procedure: ProcedureRef;
  /** Wall-clock ms of the confirmation. */
  at: number;
}

interface FlowEvent<P> {
  flow: string;
  procedure: ProcedureRef;
  at: number;
  payload: P;
}

/** In-page timing events, bridged to telemetry under the same names. */
export type TimingEvents = {
  'form:opened': FlowEvent<{ anchor: AnchorKind; authMs?: number }>;
  'submit:attempted': FlowEvent<{ attempt: number }>;
  'submit:failed': FlowEvent<{ attempt: number; reason: SubmitFailure; errorCount: number; errors?: Record<string, number> }>;
  'submit:confirmed': FlowEvent<{ dossier?: string; timing: TimingMetrics }>;
  'form:abandoned': FlowEvent<{ reason: AbandonReason; phase: AbandonPhase; sinceOpenMs: number; activeMs: number; attempts: number }>;
  /** A flow ended (confirmed, failed beyond repair, abandoned): the rating prompt listens. */
  'flow:ended': { flow: string; procedure: ProcedureRef; after: FlowEnding };
  /** `markLogin()`: a new login; telemetry starts a new session. */
  'session:started': Record<string, never>;
  /** `markLogout()`, or a page restored from the back/forward cache after one. */
  'session:ended': Record<string, never>;
};

/** Receives every timing event. */
export type TimingListener = <K extends keyof TimingEvents>(name: K, data: TimingEvents[K]) => void;

/** Timing events kept while nothing is connected. */
const MAX_BACKLOG = 50;

interface LoginRecord {
  id: string;
  /** Wall-clock ms of the login, corrected for the server's clock skew. */
  at: number;
  kind: 'server' | 'login-mark';
  /** The meta content it came from (a new content means a new login). */
  src?: string;
  /** Flows confirmed in this login. */
  done: string[];
}

/** A flow as stored. */
export interface FlowState {
  id: string;
  procedure: ProcedureRef;
  login?: string;
  anchor: AnchorKind;
  line: Timeline;
  /** Marks on the corrected timeline: login, open, prefill, first edit, first and last attempt. */
  marks: { login: number; open: number; prefill?: number; edit?: number; first?: number; last?: number };
  active: number;
  attempts: number;
  /** The last attempt failed. */
  failed: boolean;
  /** A prefill is expected (for the abandonment phase). */
  prefill: boolean;
  pages: number;
  /** This page's active time when the flow last synced: page bookkeeping, reset when a page adopts the flow. */
  base: number;
  /** How the flow ended on this page. Never stored: an ended flow leaves storage. */
  ended?: 'confirmed' | 'abandoned';
}

interface EndedRecord {
  flow: string;
  procedure: ProcedureRef;
  after: FlowEnding;
  /** Wall-clock ms of the ending. */
  at: number;
  /** Flows whose rating prompt was shown (once per flow). */
  prompted: string[];
}

/** The flow a rating refers to. */
export interface RatingContext {
  flow: string;
  procedure: ProcedureRef;
  after: FlowEnding | 'open';
  /** Wall-clock ms of the ending (of the rating call, for an open flow). */
  at: number;
  /** The rating prompt was already shown for this flow. */
  prompted: boolean;
}

export interface StartFormTimingOptions {
  procedure: ProcedureRef;
  /** The form prefills (so a flow abandoned before `prefillApplied()` was waiting for it). Default true. */
  prefill?: boolean;
}

/**
 * One flow's timing: the form binding calls these as the citizen works. Every method is safe
 * to call any number of times and never throws.
 */
export interface FormTiming {
  readonly flow: string;
  readonly procedure: ProcedureRef;
  /** Prefilled values are in the form (the first call counts). */
  prefillApplied(): void;
  /** The citizen changed something (the first call counts); cheap enough for every input event. */
  edited(): void;
  submitAttempted(): void;
  /** The attempt failed; `errors` counts errors by field path. */
  submitFailed(reason: SubmitFailure, errors?: Record<string, number>): void;
  /** The portal confirmed the submission; ends the flow (later calls are ignored). */
  confirmed(options?: { dossierRef?: string }): TimeToSubmit | undefined;
  /** The form went away without ending the flow (unbind): a later page may resume it. */
  close(): void;
}

/** When an unfinished flow counts as abandoned. */
export interface AbandonOptions {
  /** No input for this long on the form's page (0: never). Default 30 minutes. */
  idleAbandonMs?: number;
  /** A later page load that does not reopen the form within this time. Default 10 s. */
  abandonGraceMs?: number;
}

export interface TimingPageOptions extends AbandonOptions {
  clocks?: Clocks;
  /** The window to watch; `undefined` outside a browser. */
  window?: Window;
}

export interface TimingPage {
  readonly id: string;
  /**
   * Connects the one consumer of timing events (telemetry). Events from before the connection
   * (a receipt found before telemetry was created) are replayed to it.
   */
  bridge(listener: TimingListener): void;
  startFormTiming(options: StartFormTimingOptions): FormTiming;
  markLogin(): void;
  markLogout(): void;
  confirmSubmission(options?: { dossierRef?: string; procedure?: string }): TimeToSubmit | undefined;
  onTimeToSubmit(callback: (report: TimeToSubmit) => void): () => void;
  /** Sets when an unfinished flow counts as abandoned. */
  configure(options: AbandonOptions): void;
  /** The flow a rating refers to: the last one that ended in this tab, else one open here. */
  ratingContext(): RatingContext | undefined;
  /** Records that the rating prompt was shown for a flow. */
  markPrompted(flow: string): void;
  /** Abandons stored flows no form on this page holds open ('left'). */
  checkLeftFlows(): void;
  /** Checks open flows for idleness now. */
  checkIdle(): void;
  destroy(): void;
}

const clamp = (ms: number) => Math.min(MAX_MS, Math.max(0, Math.round(ms)));

/** Login → form open, when the anchor is a login. */
const authMs = ({ anchor, marks }: FlowState) => (anchor === 'form-open' ? undefined : clamp(marks.open - marks.login));

/**
 * Creates the timing state of one page load. `oncefill/dom` uses one per page
 * ({@link timingPage}); tests create their own with injected clocks.
 * @example
 * const page = createTimingPage({ clocks: { wall: () => t, mono: () => m }, window })
 */
export function createTimingPage(options: TimingPageOptions = {}): TimingPage {
  const { clocks = defaultClocks, window: win } = options;
  const doc = win?.document;
  const id = randomId();
  let bridged: TimingListener | undefined;
  const backlog: Array<[keyof TimingEvents, unknown]> = [];
  const send = <K extends keyof TimingEvents>(name: K, data: TimingEvents[K]) => {
    if (!bridged) return void (backlog.length < MAX_BACKLOG && backlog.push([name, data]));
    try {
      bridged(name, data);
    } catch {
      // The consumer reports its own errors; timing goes on.
    }
  };
  const reports: TimeToSubmit[] = [];
  const reportListeners = new Set<(report: TimeToSubmit) => void>();
  /** Flows open on this page. */
  const open = new Map<string, FlowState>();
  let idleAbandonMs = options.idleAbandonMs ?? DEFAULT_IDLE_ABANDON_MS;
  let abandonGraceMs = options.abandonGraceMs ?? ABANDON_GRACE_MS;
  let activeTotal = 0;
  let lastActive: number | undefined;
  let lastInput = { mono: clocks.mono(), wall: clocks.wall() };
  /** Aborted by `destroy()`: removes every listener and stops every timer. */
  const life = new AbortController();

  const hidden = () => doc?.visibilityState === 'hidden';
  if (!hidden()) lastActive = clocks.mono();

  /** Credits active time up to now (capped per gap); `input` says a real input happened. */
  const touch = (input: boolean) => {
    const m = clocks.mono();
    if (lastActive !== undefined) activeTotal += Math.min(Math.max(0, m - lastActive), ACTIVE_GAP_CAP_MS);
    lastActive = hidden() ? undefined : m;
    if (input) lastInput = { mono: m, wall: clocks.wall() };
  };

  // --- login --------------------------------------------------------------------------------

  function readLogin(): LoginRecord | undefined {
    const stored = readStored<LoginRecord>(STORAGE_KEYS.login);
    const meta = readMetaLogin(doc, clocks.wall());
    if (!meta || (stored?.kind === 'server' && stored.src === meta.src)) return stored;
    // A different server login than the stored one is a new login: its flows are not ours.
    if (stored?.kind === 'server') for (const key of [STORAGE_KEYS.flows, STORAGE_KEYS.ended]) writeStored(key, undefined);
    const record: LoginRecord = { id: stored?.kind === 'login-mark' ? stored.id : randomId(), at: meta.at, kind: 'server', src: meta.src, done: stored?.done ?? [] };
    writeStored(STORAGE_KEYS.login, record);
    return record;
  }
  const loginAtLoad = readLogin()?.id;
  const loadedAt = clocks.wall();

  // --- flows --------------------------------------------------------------------------------

  const loadFlows = () => readStored<FlowState[]>(STORAGE_KEYS.flows) ?? [];
  /** Stores the tab's flows without `flow` (and with `state` as the newest, if given). */
  const storeFlows = (flow: string, state?: FlowState) =>
    writeStored(STORAGE_KEYS.flows, [...loadFlows().filter((f) => f.id !== flow), ...(state ? [state] : [])].slice(-MAX_FLOWS));
  const save = (state: FlowState) => storeFlows(state.id, state);

  /** Moves a flow's timeline and active time to now; returns the corrected time. */
  function checkpoint(state: FlowState, input: boolean): number {
    touch(input);
    state.active += activeTotal - state.base;
    state.base = activeTotal;
    return advance(state.line, clocks, id);
  }

  function end({ id: flow, procedure }: FlowState, after: FlowEnding) {
    const previous = readStored<EndedRecord>(STORAGE_KEYS.ended);
    writeStored(STORAGE_KEYS.ended, { flow, procedure, after, at: clocks.wall(), prompted: previous?.prompted ?? [] });
    send('flow:ended', { flow, procedure, after });
  }

  function emit<K extends 'form:opened' | 'submit:attempted' | 'submit:failed' | 'submit:confirmed' | 'form:abandoned'>(
    name: K,
    state: FlowState,
    payload: TimingEvents[K]['payload'],
  ) {
    send(name, { flow: state.id, procedure: state.procedure, at: clocks.wall(), payload } as TimingEvents[K]);
  }

  function abandon(state: FlowState, reason: AbandonReason, now: number) {
    const phase: AbandonPhase =
      state.attempts > 0 ? (state.failed ? 'fixing' : 'submitting') : state.prefill && state.marks.prefill === undefined ? 'prefill' : 'filling';
    storeFlows(state.id);
    state.ended = 'abandoned';
    emit('form:abandoned', state, {
      reason,
      phase,
      sinceOpenMs: clamp(now - state.marks.open),
      activeMs: clamp(state.active),
      attempts: state.attempts,
    });
    end(state, 'abandoned');
  }

  function handle(state: FlowState): FormTiming {
    const { marks } = state;
    /** False once confirmed; a flow abandoned for idleness that the citizen comes back to lives again. */
    const live = () => {
      if (state.ended === 'abandoned') state.ended = undefined;
      return !state.ended;
    };
    /** Moves a live flow to now, lets `update` record the time, and stores the flow. */
    const step = (input: boolean, update: (t: number) => void) => {
      if (!live()) return false;
      update(checkpoint(state, input));
      save(state);
      return true;
    };
    return {
      flow: state.id,
      procedure: state.procedure,
      prefillApplied() {
        if (marks.prefill === undefined) step(false, (t) => (marks.prefill = t));
      },
      edited() {
        // Called on every input event: after the first edit of a live flow this is one comparison.
        if (marks.edit === undefined || state.ended) step(true, (t) => (marks.edit ??= t));
      },
      submitAttempted() {
        const attempted = step(true, (t) => {
          state.attempts++;
          marks.first ??= t;
          marks.last = t;
          state.failed = false;
        });
        if (attempted) emit('submit:attempted', state, { attempt: state.attempts });
      },
      submitFailed(reason, errors) {
        if (!step(false, () => (state.failed = true))) return;
        let errorCount = 0;
        for (const key in errors) errorCount += errors[key]!;
        emit('submit:failed', state, withoutUndefined({ attempt: state.attempts, reason, errorCount, errors }));
        // The citizen cannot fix these: the flow has ended (the rating prompt may follow).
        if (reason === 'server' || reason === 'network' || reason === 'unknown') end(state, 'failed');
      },
      confirmed(opts = {}) {
        if (!live()) return undefined;
        state.ended = 'confirmed';
        const t = checkpoint(state, false);
        const first = marks.first ?? t;
        const last = marks.last ?? t;
        const login = readLogin();
        let sequence = 1;
        if (login && login.id === state.login) {
          // push gives the new length: this flow's number among the login's confirmations.
          sequence = login.done.push(state.id);
          login.done = login.done.slice(-20);
          writeStored(STORAGE_KEYS.login, login);
        }
        const metrics: TimingMetrics = withoutUndefined({
          anchor: state.anchor,
          sequence,
          totalMs: clamp(t - marks.login),
          sinceOpenMs: clamp(t - marks.open),
          monotonicMs: clamp(state.line.mono),
          activeMs: clamp(state.active),
          authMs: authMs(state),
          prefillWaitMs: marks.prefill === undefined ? undefined : clamp(marks.prefill - marks.open),
          fillingMs: clamp(first - (marks.prefill ?? marks.open)),
          fixingMs: clamp(last - first),
          submitRoundTripMs: clamp(t - last),
          firstEditMs: marks.edit === undefined ? undefined : clamp(marks.edit - marks.open),
          attempts: state.attempts,
          pages: state.pages,
          suspended: state.line.suspended,
          clockChanged: state.line.clockChanged,
        });
        storeFlows(state.id);
        const report: TimeToSubmit = { flow: state.id, procedure: state.procedure, at: clocks.wall(), ...metrics };
        emit('submit:confirmed', state, withoutUndefined({ dossier: opts.dossierRef || undefined, timing: metrics }));
        end(state, 'confirmed');
        reports.push(report);
        for (const listener of [...reportListeners]) {
          try {
            listener(report);
          } catch {
            // A throwing callback must not break the page or other callbacks.
          }
        }
        return report;
      },
      close() {
        if (open.get(state.id) !== state) return;
        if (!state.ended) {
          checkpoint(state, false);
          save(state);
        }
        open.delete(state.id);
      },
    };
  }

  function adopt(state: FlowState): FlowState {
    if (state.line.p !== id) state.pages++;
    state.base = activeTotal;
    open.set(state.id, state);
    return state;
  }

  function startFormTiming(opts: StartFormTimingOptions): FormTiming {
    const { code, version } = opts.procedure;
    const login = readLogin();
    const pending = loadFlows().find((f) => f.procedure.code === code && f.procedure.version === version && f.login === login?.id && !open.has(f.id));
    if (pending) {
      // The same form again (reload, next page of a multi-page form): resume its flow.
      checkpoint(adopt(pending), false);
      save(pending);
      return handle(pending);
    }
    const line = startTimeline(clocks, id);
    const now = line.t;
    const since = login ? line.w - login.at : 0;
    if (since < 0) line.clockChanged = true;
    const state: FlowState = {
      id: randomId(),
      procedure: { code, version },
      login: login?.id,
      anchor: login?.kind ?? 'form-open',
      line,
      marks: { login: now - Math.max(0, since), open: now },
      active: 0,
      attempts: 0,
      failed: false,
      prefill: opts.prefill !== false,
      pages: 1,
      base: 0,
    };
    save(adopt(state));
    emit('form:opened', state, withoutUndefined({ anchor: state.anchor, authMs: authMs(state) }));
    return handle(state);
  }

  /** Ends the flow a confirmation without a form handle means: the latest open here, else the latest stored. */
  function confirmSubmission(opts: { dossierRef?: string; procedure?: string } = {}): TimeToSubmit | undefined {
    const newest = (flows: FlowState[]) =>
      flows
        .filter((f) => !opts.procedure || f.procedure.code === opts.procedure)
        .sort((a, b) => (a.marks.last ?? a.marks.open) - (b.marks.last ?? b.marks.open))
        .pop();
    const login = readLogin()?.id;
    const flow = newest([...open.values()].filter((f) => !f.ended)) ?? newest(loadFlows().filter((f) => !open.has(f.id) && f.login === login));
    return flow && handle(open.get(flow.id) ?? adopt(flow)).confirmed(opts);
  }

  /** Ends every unfinished flow, here and stored, as abandoned for `reason`. */
  function abandonAll(reason: AbandonReason) {
    for (const state of open.values()) if (!state.ended) abandon(state, reason, checkpoint(state, false));
    for (const state of loadFlows()) if (!open.has(state.id)) abandon(state, reason, state.line.t);
    open.clear();
  }

  function markLogin() {
    abandonAll('logout');
    // A new login is a new telemetry session, even on a page that sends no telemetry.
    for (const key of [STORAGE_KEYS.flows, STORAGE_KEYS.ended, STORAGE_KEYS.session]) writeStored(key, undefined);
    writeStored(STORAGE_KEYS.login, { id: randomId(), at: clocks.wall(), kind: 'login-mark', done: [] } satisfies LoginRecord);
    send('session:started', {});
  }

  function markLogout() {
    abandonAll('logout');
    send('session:ended', {});
    for (const key of Object.values(STORAGE_KEYS)) writeStored(key, undefined);
    writeStored(STORAGE_KEYS.logout, clocks.wall());
  }

  function checkLeftFlows() {
    const login = readLogin()?.id;
    for (const state of loadFlows()) {
      if (open.has(state.id)) continue;
      if (state.login !== login) storeFlows(state.id);
      else if (state.line.p !== id) abandon(state, 'left', state.line.t);
    }
  }

  function checkIdle() {
    if (idleAbandonMs <= 0) return;
    const idle = Math.max(clocks.mono() - lastInput.mono, clocks.wall() - lastInput.wall);
    if (idle < idleAbandonMs) return;
    for (const state of open.values()) if (!state.ended) abandon(state, 'idle', checkpoint(state, false));
  }

  // --- page lifecycle -------------------------------------------------------------------------

  function persistOpen() {
    for (const state of open.values()) {
      if (state.ended) continue;
      checkpoint(state, false);
      save(state);
    }
  }

  function restored() {
    const login = readLogin();
    if ((readStored<number>(STORAGE_KEYS.logout) ?? 0) >= loadedAt || login?.id !== loginAtLoad) {
      // Restored from the back/forward cache after a logout: nothing here belongs to anyone now.
      open.clear();
      send('session:ended', {});
      return;
    }
    const stored = loadFlows();
    for (const state of open.values()) {
      const fresh = stored.find((f) => f.id === state.id);
      // Another page of the same flow may have moved it on; an ending elsewhere holds here too.
      if (fresh) Object.assign(state, fresh);
      else state.ended ||= login?.done.includes(state.id) ? 'confirmed' : 'abandoned';
      state.base = activeTotal;
    }
  }

  if (win && doc) {
    const listen = (target: EventTarget, type: string, listener: (event: Event) => void, capture = false) =>
      target.addEventListener(
        type,
        (event) => {
          try {
            listener(event);
          } catch {
            // Timing must never break the page.
          }
        },
        { capture, passive: true, signal: life.signal },
      );
    const later = (callback: () => void, ms: number) => win.setTimeout(() => life.signal.aborted || callback(), ms);
    for (const type of ['pointerdown', 'keydown', 'input']) listen(doc, type, () => touch(true), true);
    listen(doc, 'visibilitychange', () => (hidden() ? persistOpen() : touch(false)));
    listen(win, 'pagehide', persistOpen);
    listen(win, 'pageshow', (event) => (event as PageTransitionEvent).persisted && restored());
    const scanReceipt = () => {
      const receipt = doc.querySelector('[data-oncefill-receipt]');
      if (receipt)
        confirmSubmission({
          dossierRef: receipt.getAttribute('data-oncefill-receipt') || undefined,
          procedure: receipt.getAttribute('data-oncefill-procedure') || undefined,
        });
    };
    const afterLoad = () => later(checkLeftFlows, abandonGraceMs);
    if (doc.readyState === 'loading') listen(doc, 'DOMContentLoaded', scanReceipt);
    else later(scanReceipt, 0);
    if (doc.readyState === 'complete') afterLoad();
    else listen(win, 'load', afterLoad);
    // Idle checks at least every minute, sooner when the idle time is shorter.
    const idleLoop = () => {
      checkIdle();
      later(idleLoop, Math.min(60_000, Math.max(100, idleAbandonMs / 2 || 60_000)));
    };
    later(idleLoop, 0);
  }

  return {
    id,
    bridge(listener) {
      bridged = listener;
      for (const [name, data] of backlog.splice(0)) send(name, data as TimingEvents[typeof name]);
    },
    startFormTiming,
    markLogin,
    markLogout,
    confirmSubmission,
    onTimeToSubmit(callback) {
      reportListeners.add(callback);
      // Confirmations that happened before the subscription (a receipt page) are still reported.
      const earlier = [...reports];
      if (earlier.length > 0)
        queueMicrotask(() => {
          for (const report of earlier) if (reportListeners.has(callback)) callback(report);
        });
      return () => void reportListeners.delete(callback);
    },
    configure(opts) {
      idleAbandonMs = opts.idleAbandonMs ?? idleAbandonMs;
      abandonGraceMs = opts.abandonGraceMs ?? abandonGraceMs;
    },
    ratingContext() {
      const ended = readStored<EndedRecord>(STORAGE_KEYS.ended);
      const here = [...open.values()].filter((f) => !f.ended).pop();
      // The newer of the last ending and the form open here.
      if (ended && !(here && here.marks.open > ended.at)) return { ...ended, prompted: ended.prompted.includes(ended.flow) };
      return here && { flow: here.id, procedure: here.procedure, after: 'open', at: clocks.wall(), prompted: false };
    },
    markPrompted(flow) {
      const ended = readStored<EndedRecord>(STORAGE_KEYS.ended);
      if (ended) writeStored(STORAGE_KEYS.ended, { ...ended, prompted: [...ended.prompted, flow].slice(-10) });
    },
    checkLeftFlows,
    checkIdle,
    destroy() {
      life.abort();
      bridged = undefined;
      reportListeners.clear();
    },
  };
}

let shared: TimingPage | undefined;

/** The timing state of this page, created on first use. */
export function timingPage(): TimingPage {
  return (shared ??= createTimingPage({ window: typeof window === 'object' ? window : undefined }));
}
