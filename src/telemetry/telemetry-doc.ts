/**
 * Writes the schema part of `docs/telemetry.md` from the event table, so the published schemas
 * are the ones the code uses. A test checks the committed doc equals a fresh rendering.
 *
 *   npx tsx src/telemetry/telemetry-doc.ts   # rewrite the generated part of docs/telemetry.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exampleBatch } from './example-events.js';
import { EVENT_PAYLOADS, TELEMETRY_EVENT_NAMES, telemetryBatchSchema, telemetryEventSchemas, type TelemetryEventName } from './event-schemas.js';

export const DOC_FILE = fileURLToPath(new URL('../../docs/telemetry.md', import.meta.url));
const START = '<!-- generated: schemas (npx tsx src/telemetry/telemetry-doc.ts) -->';
const END = '<!-- end of generated schemas -->';

/** When each event is sent, in one line. */
export const EVENT_DESCRIPTIONS: Record<TelemetryEventName, string> = {
  'form:opened': 'A form opened and a new flow (one filling of one form) began. Not sent again when the same form reopens (reload, next page, Back).',
  'prefill:resolved': 'Every source answered or gave up: per source its status, latency and the count of attributes it answered; field counts by prefill status.',
  'field:kept': 'A prefilled field still holds its prefilled value at the first submit attempt. Once per field per flow.',
  'field:edited': 'The citizen changed a prefilled value. Once per field per flow.',
  'field:cleared': 'The citizen emptied a prefilled field. Once per field per flow.',
  'lock:disputed': 'The citizen disputed a value locked by a verified source.',
  'component:reused': 'An earlier result satisfied a dossier component (thành phần hồ sơ), so nothing was uploaded for it.',
  'submit:attempted': 'The citizen submitted (attempt 1, 2, …).',
  'submit:failed': 'The attempt failed: why, and the error counts by field path.',
  'submit:confirmed': 'The portal confirmed the dossier: the time-to-submit measurement and the keyed hash of the dossier.',
  'form:abandoned': 'The flow ended without a confirmation: idle for the stated time, left (a later page load did not reopen it), or logout.',
  'satisfaction:rated': 'The citizen rated the service 1–5, after a confirmation, a failure, an abandonment, or with the form still open.',
};

/** JSON with small objects and lists of plain values kept on one line. */
export function formatJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  const scalars = Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null);
  if (flat.length <= 96 || scalars || typeof value !== 'object' || value === null) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

const block = (value: unknown) => `\`\`\`json\n${formatJson(value)}\n\`\`\``;

/** The generated part of the doc. */
export function renderSchemas(): string {
  const envelope = (telemetryEventSchemas['form:opened'] as { properties: Record<string, unknown> }).properties;
  const envelopeKeys = ['id', 'name', 'at', 'session', 'flow', 'procedure', 'sampleRate'];
  const parts = [
    START,
    '',
    '### Envelope (every event)',
    '',
    '`name` is the event\'s `const`; the other fields:',
    '',
    block(Object.fromEntries(envelopeKeys.filter((k) => k !== 'name').map((k) => [k, envelope[k]]))),
    '',
  ];
  for (const name of TELEMETRY_EVENT_NAMES) {
    parts.push(`### \`${name}\``, '', EVENT_DESCRIPTIONS[name], '', block(EVENT_PAYLOADS[name]), '');
  }
  const { properties, ...shape } = telemetryBatchSchema as { properties: Record<string, unknown> };
  parts.push(
    '### Batch (the body of every request in the default format)',
    '',
    'Each item of `events` is exactly one of the event schemas: the envelope and that event\'s payload, closed.',
    '',
    block({ ...shape, properties: { ...properties, events: { type: 'array', maxItems: 500, items: { oneOf: ['…one closed schema per event…'] } } } }),
    '',
    '### Example batch',
    '',
    block(exampleBatch()),
    '',
    END,
  );
  return parts.join('\n');
}

/** The doc with its generated part replaced. */
export function renderDoc(current: string): string {
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/telemetry.md must hold the markers ${START} … ${END}`);
  return current.slice(0, start) + renderSchemas() + current.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(DOC_FILE, renderDoc(readFileSync(DOC_FILE, 'utf8')));
