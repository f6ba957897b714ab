/**
 * The page's one telemetry hub: it stamps every event (id, time, tab session, flow,
 * procedure), checks it against its closed schema, and hands it to the telemetry clients
 * (`createTelemetry`) and the rating prompt. Timing events arrive through the timing bridge;
 * the form binding adds its own with `track`.
 */
import { OncefillError } from '../shared/OncefillError.js';
import type { FlowEnding, ProcedureRef } from '../timing/flow-constants.js';
import { randomId } from '../timing/random-id.js';
import { STORAGE_KEYS, readStored, writeStored } from '../timing/tab-storage.js';
import { timingPage, type TimingEvents, type TimingPage } from '../timing/timing-page.js';
import { withoutUndefined } from '../timing/without-undefined.js';
import type { TelemetryEvent, TelemetryEventName, TelemetryPayload } from './event-schemas.js';
import { DOSSIER_REF_PATTERN, FIELD_PATH_PATTERN } from './wire-constants.js';

/** An event before a client adds its `sampleRate`. */
export type HubEvent = TelemetryEvent extends infer E ? (E extends TelemetryEvent ? Omit<E, 'sampleRate'> : never) : never;

/** What the hub tells its subscribers. */
export type HubMessage =
  | { type: 'event'; event: HubEvent }
  | { type: 'error'; error: OncefillError }
  | { type: 'flow:ended'; flow: string; procedure: ProcedureRef; after: FlowEnding }
  | { type: 'session:ended' };

/** Which form filling an event belongs to. */
export interface TrackContext {
  flow: string;
  procedure: ProcedureRef;
}

/** The tab's telemetry session: a random id and the uniform draw that decides sampling once. */
export interface TabSession {
  id: string;
  u: number;
}

export interface TelemetryHub {
  readonly timing: TimingPage;
  /** Stamps, checks and delivers one event. Never throws. */
  track<N extends TelemetryEventName>(name: N, payload: TelemetryPayload<N>, context: TrackContext, at?: number): void;
  /** Subscribes; with `backlog`, the first such subscriber also receives what was tracked before it. */
  subscribe(listener: (message: HubMessage) => void, backlog?: boolean): () => void;
  session(): TabSession;
}

type FlowEventName = 'form:opened' | 'submit:attempted' | 'submit:failed' | 'submit:confirmed' | 'form:abandoned';
/** Compile-time check that what timing emits fits the telemetry schemas it is sent under: names any misfit. */
type TimingMisfits = { [K in FlowEventName]: TimingEvents[K]['payload'] extends TelemetryPayload<K> ? never : K }[FlowEventName];
const timingFitsSchemas: [TimingMisfits] extends [never] ? true : TimingMisfits = true;
void timingFitsSchemas;

/** Events kept for the first subscriber. */
const MAX_EARLY = 100;
/** Most field paths in one `submit:failed` (the schema's `maxProperties`). */
const MAX_ERROR_FIELDS = 60;

/**
 * Every string a payload carries (values and map keys, the dossier hash aside) is an enum
 * value, a field path or an id from the definition: all start with a letter and hold no
 * space, `@` or `/`. So a name, address, phone number, e-mail, date or personal ID put in the
 * wrong place by mistake is caught here, in the browser, before it is queued. The full closed
 * schemas are checked by the ingest (and by our tests on every captured request).
 */
const SAFE_TEXT = /^[A-Za-z][\w.[\]-]{0,199}$/;
const isSafe = (value: unknown): boolean =>
  typeof value === 'string'
    ? SAFE_TEXT.test(value)
    : typeof value !== 'object' || value === null || Object.keys(value).every((key) => SAFE_TEXT.test(key) && isSafe((value as Record<string, unknown>)[key]));

/**
 * Makes a payload fit for the wire, or says why it cannot go. What can be dropped is dropped
 * rather than the whole event: a dossier reference that is not a keyed hash (a raw dossier
 * number never matches), error counts under keys that are not field paths.
 * @returns the payload to send, or the message of why the event is dropped.
 */
function sanitize(name: TelemetryEventName, given: Record<string, unknown>, report: (message: string) => void): Record<string, unknown> | string {
  const payload = withoutUndefined({ ...given });
  if (payload.dossier !== undefined && !DOSSIER_REF_PATTERN.test(String(payload.dossier))) {
    report(`${name}: dossierRef left out, it must be a keyed hash`);
    delete payload.dossier;
  }
  if (name === 'submit:failed') {
    const errors: Record<string, number> = {};
    let kept = 0;
    for (const [key, value] of Object.entries(payload.errors ?? {})) {
      const n = Math.min(1000, Math.floor(value as number));
      if (FIELD_PATH_PATTERN.test(key) && n >= 1 && kept < MAX_ERROR_FIELDS) (errors[key] = n), kept++;
    }
    payload.errors = kept ? errors : undefined;
    payload.errorCount = Math.min(10_000, Math.max(0, Math.floor(Number(payload.errorCount) || 0)));
    withoutUndefined(payload);
  }
  for (const key in payload)
    if (key !== 'dossier' && !(SAFE_TEXT.test(key) && isSafe(payload[key])))
      return `${name} dropped: ${SAFE_TEXT.test(key) ? key : 'a key'} is not an identifier or a code`;
  return payload;
}

/**
 * @example
 * const hub = createTelemetryHub(timingPage())
 * hub.subscribe((m) => m.type === 'event' && console.log(m.event.name))
 */
export function createTelemetryHub(timing: TimingPage): TelemetryHub {
  const listeners = new Set<(message: HubMessage) => void>();
  let early: HubMessage[] | undefined = [];
  let session: TabSession | undefined;

  const deliver = (message: HubMessage) => {
    if (early && early.length < MAX_EARLY) early.push(message);
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch {
        // A subscriber's failure is its own.
      }
    }
  };
  const report = (message: string) => deliver({ type: 'error', error: new OncefillError('invalid-event', message) });

  const hub: TelemetryHub = {
    timing,
    session() {
      session ??= readStored<TabSession>(STORAGE_KEYS.session);
      if (typeof session?.id !== 'string' || typeof session.u !== 'number') writeStored(STORAGE_KEYS.session, (session = { id: randomId(), u: Math.random() }));
      return session;
    },
    track(name, payload, { flow, procedure }, at = Date.now()) {
      try {
        const body = sanitize(name, payload as Record<string, unknown>, report);
        if (typeof body === 'string') return report(body);
        const event = { id: randomId(), name, at, session: hub.session().id, flow, procedure: { code: procedure.code, version: procedure.version }, ...body };
        deliver({ type: 'event', event: event as unknown as HubEvent });
      } catch {
        // Telemetry never breaks the page.
      }
    },
    subscribe(listener, backlog) {
      listeners.add(listener);
      if (backlog) {
        const earlier = early ?? [];
        early = undefined;
        for (const message of earlier) listener(message);
      }
      return () => void listeners.delete(listener);
    },
  };

  timing.bridge((name, data) => {
    if (name === 'flow:ended') return deliver({ type: 'flow:ended', ...(data as { flow: string; procedure: ProcedureRef; after: FlowEnding }) });
    if (name === 'session:started' || name === 'session:ended') {
      session = undefined;
      writeStored(STORAGE_KEYS.session, undefined);
      if (name === 'session:ended') deliver({ type: 'session:ended' });
      return;
    }
    const flowEvent = data as TrackContext & { at: number; payload: never };
    hub.track(name as TelemetryEventName, flowEvent.payload, flowEvent, flowEvent.at);
  });
  return hub;
}

let shared: TelemetryHub | undefined;

/** The page's hub, created on first use (with the page's timing). */
export function telemetryHub(): TelemetryHub {
  return (shared ??= createTelemetryHub(timingPage()));
}
