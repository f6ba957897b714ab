/**
 * The telemetry vocabulary: one table, event name → payload schema. The in-page events, the
 * wire format, the TypeScript types, the run-time check in the browser and the published JSON
 * Schemas (`docs/telemetry.md`, the server's ingest) all come from it, so they cannot drift.
 *
 * Every schema is closed (`additionalProperties: false`) and every string is an enum, a
 * pattern or short. No field value, ID, name, address or free text fits anywhere.
 *
 * DOM-free: Node code (ingest, KPI report) imports it without pulling in the browser runtime.
 */
import { ID_PATTERN, PROCEDURE_CODE_PATTERN, SOURCE_KINDS } from '../schema/format-constants.js';
import { ABANDON_PHASES, ABANDON_REASONS, ANCHOR_KINDS, SUBMIT_FAILURES, type ProcedureRef } from '../timing/flow-constants.js';
import {
  DOSSIER_REF_PATTERN,
  FIELD_PATH_PATTERN,
  MAX_BATCH_EVENTS,
  MAX_DURATION_MS,
  RANDOM_ID_PATTERN,
  TELEMETRY_FORMAT,
} from './wire-constants.js';
import { array, bool, int, literal, map, num, object, oneOf, text, union, type Infer, type Schema } from './closed-schema.js';

const ms = () => int(MAX_DURATION_MS);
const count = (max = 10_000) => int(max);

const randomId = () => text(RANDOM_ID_PATTERN, 22);
const fieldPath = () => text(FIELD_PATH_PATTERN, 200);
const sourceKind = () => oneOf(SOURCE_KINDS);

export const SOURCE_STATUSES = ['ok', 'error', 'timeout', 'skipped', 'no-consent', 'challenge'] as const;
export const SOURCE_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'no-consent',
  'challenge-required',
  'not-found',
  'unavailable-until',
  'rate-limited',
  'bad-request',
  'timeout',
  'network',
  'aborted',
  'bad-response',
  'server-error',
] as const;
/** What the rating follows. `open`: rated while the form is still open. */
export const RATING_AFTER = ['confirmed', 'failed', 'abandoned', 'open'] as const;

const sourceReport = object(
  {
    status: oneOf(SOURCE_STATUSES),
    latencyMs: ms(),
    /** Attributes the source answered with a usable value. */
    attributes: count(),
    error: oneOf(SOURCE_ERROR_CODES),
  },
  ['error'],
);

/** The time-to-submit measurement carried by `submit:confirmed` (and given to `onTimeToSubmit`). */
export const timingSchema = object(
  {
    anchor: oneOf(ANCHOR_KINDS),
    /** 1 for the first procedure confirmed in this login, 2 for the next… */
    sequence: count(1000),
    /** Anchor (login) → confirmation, wall clock. */
    totalMs: ms(),
    /** Form open → confirmation, wall clock. */
    sinceOpenMs: ms(),
    /** Form open → confirmation by the monotonic clock; less than `sinceOpenMs` when the device slept. */
    monotonicMs: ms(),
    /** Time the page was visible and in use. */
    activeMs: ms(),
    /** Login → form open (absent when the anchor is the form opening). */
    authMs: ms(),
    /** Form open → prefill applied (absent without prefill). */
    prefillWaitMs: ms(),
    /** Prefill applied (or form open) → first submit attempt. */
    fillingMs: ms(),
    /** First → last submit attempt. */
    fixingMs: ms(),
    /** Last submit attempt → confirmation. */
    submitRoundTripMs: ms(),
    /** Form open → first edit (absent when nothing was edited). */
    firstEditMs: ms(),
    attempts: count(1000),
    /** Page loads the flow spans (multi-page forms, reloads). */
    pages: count(1000),
    /** The wall clock ran ahead of the monotonic clock (sleep): wall time includes it. */
    suspended: bool(),
    /** The wall clock went back or jumped: the monotonic clock was used there. */
    clockChanged: bool(),
  },
  ['authMs', 'prefillWaitMs', 'firstEditMs'],
);

/** Payload of each event, by name (`'noun:verb'`, the same names in-page and on the wire). */
export const EVENT_PAYLOADS = {
  'form:opened': object({ anchor: oneOf(ANCHOR_KINDS), authMs: ms() }, ['authMs']),
  'prefill:resolved': object(
    {
      /** Form open → every source answered or gave up. */
      latencyMs: ms(),
      sources: object(
        { population: sourceReport, results: sourceReport, personal: sourceReport, business: sourceReport },
        SOURCE_KINDS,
      ),
      /** Fields by prefill status. */
      fields: object(
        { filled: count(), conflict: count(), missing: count(), unavailable: count(), invalid: count(), error: count(), locked: count() },
        ['filled', 'conflict', 'missing', 'unavailable', 'invalid', 'error', 'locked'],
      ),
    },
    ['fields'],
  ),
  'field:kept': object({ field: fieldPath(), source: sourceKind(), locked: bool() }, ['source', 'locked']),
  'field:edited': object({ field: fieldPath(), source: sourceKind(), locked: bool() }, ['source', 'locked']),
  'field:cleared': object({ field: fieldPath(), source: sourceKind(), locked: bool() }, ['source', 'locked']),
  'lock:disputed': object({ field: fieldPath(), source: sourceKind() }, ['source']),
  'component:reused': object({ component: text(ID_PATTERN, 64), source: sourceKind(), documentType: text(/^[a-z][A-Za-z0-9]{0,79}$/, 80) }, [
    'documentType',
  ]),
  'submit:attempted': object({ attempt: count(1000) }),
  'submit:failed': object(
    {
      attempt: count(1000),
      reason: oneOf(SUBMIT_FAILURES),
      errorCount: count(),
      /** Error counts by field path. */
      errors: map(fieldPath(), int(1000, 1), 60),
    },
    ['errors'],
  ),
  'submit:confirmed': object({ dossier: text(DOSSIER_REF_PATTERN, 64), timing: timingSchema }, ['dossier']),
  'form:abandoned': object({
    reason: oneOf(ABANDON_REASONS),
    phase: oneOf(ABANDON_PHASES),
    sinceOpenMs: ms(),
    activeMs: ms(),
    attempts: count(1000),
  }),
  'satisfaction:rated': object({ score: int(5, 1), after: oneOf(RATING_AFTER) }),
} as const;

export type { ProcedureRef };
export { DOSSIER_REF_PATTERN, FIELD_PATH_PATTERN, MAX_BATCH_EVENTS, MAX_DURATION_MS, RANDOM_ID_PATTERN, TELEMETRY_FORMAT };
export type TelemetryEventName = keyof typeof EVENT_PAYLOADS;
export type TelemetryPayload<N extends TelemetryEventName> = Infer<(typeof EVENT_PAYLOADS)[N]>;
export type TimingReport = Infer<typeof timingSchema>;

export const TELEMETRY_EVENT_NAMES = Object.keys(EVENT_PAYLOADS) as TelemetryEventName[];

/** Fields every event carries. */
export interface TelemetryEnvelope<N extends TelemetryEventName = TelemetryEventName> {
  /** Random; the ingest counts each id once. */
  id: string;
  name: N;
  /** Wall-clock ms when the event happened. */
  at: number;
  /** Random per browser tab and login. */
  session: string;
  /** Random per filling of one form (one measurement). */
  flow: string;
  procedure: ProcedureRef;
  /** The share of sessions that report: a count on the server is divided by it. */
  sampleRate: number;
}

/** One event as it is seen in-page and sent. */
export type TelemetryEvent<N extends TelemetryEventName = TelemetryEventName> = N extends TelemetryEventName
  ? TelemetryEnvelope<N> & TelemetryPayload<N>
  : never;

const envelope = {
  id: randomId(),
  at: int(8_640_000_000_000),
  session: randomId(),
  flow: randomId(),
  procedure: object({ code: text(PROCEDURE_CODE_PATTERN, 40), version: text(/^\d{1,4}(\.\d{1,4}){0,2}$/, 14) }),
  sampleRate: num(0.0001, 1),
};

const eventSchema = <N extends TelemetryEventName>(name: N): Schema<TelemetryEvent<N>> => {
  const payload = EVENT_PAYLOADS[name] as unknown as { properties: Record<string, Schema>; required: string[] };
  return {
    type: 'object',
    properties: { ...envelope, name: literal(name), ...payload.properties },
    required: [...Object.keys(envelope), 'name', ...payload.required],
    additionalProperties: false,
  };
};

/** The closed JSON Schema of each event (envelope and payload), by name. */
export const telemetryEventSchemas = Object.fromEntries(TELEMETRY_EVENT_NAMES.map((name) => [name, eventSchema(name)])) as {
  [N in TelemetryEventName]: Schema<TelemetryEvent<N>>;
};

const batchShape = object(
  {
    v: literal(TELEMETRY_FORMAT),
    /** oncefill version that sent the batch. */
    sdk: text(/^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.-]{1,20})?$/, 40),
    /** Wall-clock ms when the batch left (to correct the device's clock skew). */
    sentAt: int(8_640_000_000_000),
    /** Events this tab dropped since its last batch (queue full, retries spent). */
    dropped: count(1_000_000),
    events: array(union(TELEMETRY_EVENT_NAMES.map((name) => telemetryEventSchemas[name])), MAX_BATCH_EVENTS),
  },
  ['dropped'],
);

/** A batch as the default JSON format sends it. */
export type TelemetryBatch = Omit<Infer<typeof batchShape>, 'events'> & { events: TelemetryEvent[] };

/**
 * The closed JSON Schema (draft 2020-12) of one batch, the body of every POST the default
 * format sends. For ajv: `new Ajv({ strict: true }).compile(telemetryBatchSchema)`.
 * @example
 * const validate = new Ajv2020().compile(telemetryBatchSchema)
 * if (!validate(JSON.parse(body))) return new Response(null, { status: 400 })
 */
export const telemetryBatchSchema: Schema<TelemetryBatch> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://oncefill.dev/schema/telemetry-batch-1.json',
  title: 'oncefill telemetry batch, format 1',
  ...batchShape,
};
