/**
 * The page's one telemetry hub: it stamps every event (id, time, tab session, flow,
 * procedure), checks it against its closed schema, and hands it to the telemetry clients
 * (`createTelemetry`) and the rating prompt. Timing events arrive through the timing bridge;
 * the form binding adds its own with `track`.
 */
import { OncefillError } from '../shared/OncefillError.js';
import type { FlowEnding, ProcedureRef } from '../timing/flow-constants.js';
import { randomId } from '../timing/random-id.js';
import { STORAGE_KEYS, readStored, removeStored, writeStored } from '../timing/tab-storage.js';
import { timingPage, type TimingEvents, type TimingPage } from '../timing/timing-page.js';
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
 * @returns the top-level property holding the offending text.
 */
const SAFE_TEXT = /^[A-Za-z][\w.[\]-]{0,199}$/;
function unsafeString(payload: Record<string, unknown>): string | undefined {
  const safe = (value: unknown): boolean =>
    typeof value === 'string' ? SAFE_TEXT.test(value) : typeof value !== 'object' || value === null || Object.keys(value).every((k) => SAFE_TEXT.test(k) && safe((value as Record<string, unknown>)[k]));
  for (const key of Object.keys(payload)) if (key !== 'dossier' && !(SAFE_TEXT.test(key) && safe(payload[key]))) return SAFE_TEXT.test(key) ? key : 'a property';
  return undefined;
}

/** Drops what cannot go on the wire rather than the whole event: a raw dossier number, field paths that are not paths. */
function sanitize(name: TelemetryEventName, payload: Record<string, unknown>, report: (message: string) => void): Record<string, unknown> {
  if (name === 'submit:confirmed' && payload.dossier !== undefined && !DOSSIER_REF_PATTERN.test(String(payload.dossier))) {
    const { dossier: _, ...rest } = payload;
    report('dossierRef left out of submit:confirmed: it must be a keyed hash (64 hex digits or 43 base64url characters)');
    return rest;
  }
  if (name === 'submit:failed') {
    const errors: Record<string, number> = {};
    let kept = 0;
    const given = (payload.errors ?? {}) as Record<string, number>;
    for (const key of Object.keys(given)) {
      const n = Math.min(1000, Math.floor(given[key]!));
      if (FIELD_PATH_PATTERN.test(key) && n >= 1 && kept < MAX_ERROR_FIELDS) (errors[key] = n), kept++;
    }
    const { errors: _, ...rest } = payload;
    return { ...rest, errorCount: Math.min(10_000, Math.max(0, Math.floor(Number(rest.errorCount) || 0))), ...(kept ? { errors } : {}) };
  }
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
      if (!session || typeof session.id !== 'string' || typeof session.u !== 'number') {
        session = { id: randomId(), u: Math.random() };
        writeStored(STORAGE_KEYS.session, session);
      }
      return session;
    },
    track(name, payload, context, at = Date.now()) {
      try {
        const body = sanitize(name, payload as Record<string, unknown>, report);
        const event = {
          id: randomId(),
          name,
          at,
          session: hub.session().id,
          flow: context.flow,
          procedure: { code: context.procedure.code, version: context.procedure.version },
          ...body,
        } as unknown as HubEvent;
        const bad = unsafeString(body);
        if (bad !== undefined) {
          report(`telemetry event ${name} dropped: "${bad}" holds text that is not an identifier or a code`);
          return;
        }
        deliver({ type: 'event', event });
      } catch {
        // Telemetry never breaks the page.
      }
    },
    subscribe(listener, backlog) {
      listeners.add(listener);
      if (!backlog) return () => void listeners.delete(listener);
      const earlier = early;
      early = undefined;
      for (const message of earlier ?? []) listener(message);
      return () => void listeners.delete(listener);
    },
  };

  timing.bridge((name, data) => {
    if (name === 'flow:ended') return deliver({ type: 'flow:ended', ...(data as { flow: string; procedure: ProcedureRef; after: FlowEnding }) });
    if (name === 'session:started' || name === 'session:ended') {
      session = undefined;
      removeStored(STORAGE_KEYS.session);
      if (name === 'session:ended') deliver({ type: 'session:ended' });
      return;
    }
    const { flow, procedure, at, payload } = data as { flow: string; procedure: ProcedureRef; at: number; payload: never };
    hub.track(name as TelemetryEventName, payload, { flow, procedure }, at);
  });
  return hub;
}

let shared: TelemetryHub | undefined;

/** The page's hub, created on first use (with the page's timing). */
export function telemetryHub(): TelemetryHub {
  return (shared ??= createTelemetryHub(timingPage()));
}
