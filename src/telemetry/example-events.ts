/**
 * One valid example of every telemetry event, for the docs and the tests (schemas, OTLP
 * encoding). Never bundled: no entry imports it.
 */
import type { TelemetryBatch, TelemetryEvent, TelemetryEventName } from './event-schemas.js';

const envelope = {
  at: 1_748_740_000_000,
  session: 'Sx1vQ4mJ0kWb7ZtP9cLr2A',
  flow: 'Fq8hN3pX6sYd1VgK5eTz0B',
  procedure: { code: '1.004616', version: '2025.1' },
  sampleRate: 1,
};

const timing = {
  anchor: 'server',
  sequence: 1,
  totalMs: 274_000,
  sinceOpenMs: 231_000,
  monotonicMs: 231_000,
  activeMs: 162_000,
  authMs: 43_000,
  prefillWaitMs: 1_200,
  fillingMs: 180_300,
  fixingMs: 41_000,
  submitRoundTripMs: 8_500,
  firstEditMs: 9_800,
  attempts: 2,
  pages: 2,
  suspended: false,
  clockChanged: false,
} as const;

/** Payloads by name, in the order of the vocabulary. */
const payloads: { [N in TelemetryEventName]: Omit<TelemetryEvent<N>, keyof typeof envelope | 'id' | 'name'> } = {
  'form:opened': { anchor: 'server', authMs: 43_000 },
  'prefill:resolved': {
    latencyMs: 1_200,
    sources: {
      population: { status: 'ok', latencyMs: 640, attributes: 9 },
      results: { status: 'timeout', latencyMs: 1_200, attributes: 0, error: 'timeout' },
    },
    fields: { filled: 9, missing: 3, locked: 4 },
  },
  'field:kept': { field: 'fullName', source: 'population', locked: true },
  'field:edited': { field: 'members[1].relationship', source: 'population' },
  'field:cleared': { field: 'phone', source: 'personal' },
  'lock:disputed': { field: 'permanentAddress', source: 'population' },
  'component:reused': { component: 'birthCertificate', source: 'results', documentType: 'birthCertificate' },
  'submit:attempted': { attempt: 1 },
  'submit:failed': { attempt: 1, reason: 'invalid', errorCount: 2, errors: { phone: 1, 'members[0].birthDate': 1 } },
  'submit:confirmed': { dossier: 'b5f0c1d2e3a4958677889900aabbccddeeff00112233445566778899aabbccdd', timing },
  'form:abandoned': { reason: 'left', phase: 'fixing', sinceOpenMs: 600_000, activeMs: 240_000, attempts: 1 },
  'satisfaction:rated': { score: 4, after: 'confirmed' },
};

/** One event of each name, each with its own id, a second apart. */
export function exampleEvents(): TelemetryEvent[] {
  return (Object.keys(payloads) as TelemetryEventName[]).map(
    (name, i) => ({ id: `Ev${String(i).padStart(2, '0')}aaaaaaaaaaaaaaaaaa`, name, ...envelope, at: envelope.at + i * 1000, ...payloads[name] }) as TelemetryEvent,
  );
}

/** A batch holding {@link exampleEvents}. */
export function exampleBatch(): TelemetryBatch {
  return { v: 1, sdk: '0.1.0', sentAt: envelope.at + 60_000, events: exampleEvents() };
}
