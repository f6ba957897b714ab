/**
 * The collector's side of the telemetry wire: NDJSON in, checked events out.
 *
 * Each line is either a batch as the browser sends it (`{ v: 1, sdk, sentAt, dropped?, events }`,
 * what the demo sink writes, one line per POST) or one event on its own. Every event is checked
 * against its closed JSON Schema (ajv, the schemas of `docs/telemetry.md`); a line that is not
 * JSON, a batch of an unknown version or with a property the format does not list is refused
 * whole, an event that does not fit its schema is refused alone. Problems are reported with the
 * file and line, never with a value from the line. OTLP JSON is not accepted here (a collector
 * that receives `otlpFormat()` batches exports them as OpenTelemetry logs instead).
 *
 * Duplicates (a batch sent twice: a beacon whose fate the page never learned, a retry after a
 * timeout, a page that re-sends what it kept in sessionStorage) are dropped by event id within a
 * window: the ids of the last `windowEvents` accepted events are kept. Memory is bounded by the
 * window, not the input; a duplicate arriving more than a window after its original counts again.
 */
import { isObject } from '../shared/is-object.js';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction, ErrorObject } from 'ajv';
import {
  TELEMETRY_EVENT_NAMES,
  TELEMETRY_FORMAT,
  telemetryBatchSchema,
  telemetryEventSchemas,
  type TelemetryEvent,
  type TelemetryEventName,
} from '../telemetry/event-schemas.js';
import { IdWindow } from './ingest-id-window.js';

/** One NDJSON input: a name for messages and its bytes or text, in chunks of any size. */
export interface TelemetryInput {
  /** File name (or `-` for stdin), used in messages: `events.ndjson:12: …`. */
  name: string;
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
}

export type IngestIssueCode = 'not-json' | 'not-an-object' | 'unknown-version' | 'bad-batch' | 'unknown-event' | 'bad-event' | 'otlp';

/** A refused line or event: where, what kind, and a message that never quotes the input's values. */
export interface IngestIssue {
  file: string;
  /** 1-based line number in `file`. */
  line: number;
  /** 0-based index of the event in the line's batch, for a refused event of a batch. */
  event?: number;
  code: IngestIssueCode;
  message: string;
}

export interface IngestOptions {
  /** Receives each valid event the first time its id is seen. */
  onEvent: (event: TelemetryEvent) => void;
  /** Receives each refused line or event. */
  onIssue?: (issue: IngestIssue) => void;
  /** The ids of the last this many accepted events are kept to drop duplicates. Default 100,000. */
  windowEvents?: number;
}

export const DEFAULT_INGEST_OPTIONS = { windowEvents: 100_000 } as const;

/** What an ingest read. Plain counts of events as they arrived (not weighted by `sampleRate`). */
export interface IngestStats {
  files: number;
  lines: number;
  /** Lines refused whole (not JSON, unknown version, a batch that does not fit the format). */
  badLines: number;
  /** Events read from the lines that were not refused whole. */
  events: number;
  /** Events counted: valid and seen for the first time. */
  accepted: number;
  /** Valid events whose id was already counted in the window. */
  duplicates: number;
  /** Events that did not fit their schema or named no known event. */
  refused: number;
  /** Events the browsers said they dropped before sending (sum of the batches' `dropped`). */
  droppedInBrowsers: number;
}

/** An ingest that keeps its duplicate window across files and calls. */
export interface TelemetryIngest {
  /** Checks one line (a batch or an event as JSON text). */
  line(text: string, file: string, line: number): void;
  readonly stats: IngestStats;
}

let validators: { batch: ValidateFunction; events: Map<string, ValidateFunction> } | undefined;

/** Compiled once per process: the closed batch envelope (events unchecked) and one validator per event. */
function compiled() {
  if (validators) return validators;
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  const { $schema: _s, $id: _i, title: _t, ...shape } = telemetryBatchSchema as Record<string, unknown>;
  const properties = { ...(shape.properties as Record<string, unknown>), events: { type: 'array', maxItems: ((shape.properties as Record<string, Record<string, unknown>>).events!.maxItems as number) } };
  const events = new Map<string, ValidateFunction>(TELEMETRY_EVENT_NAMES.map((name) => [name, ajv.compile(telemetryEventSchemas[name])]));
  validators = { batch: ajv.compile({ ...shape, properties }), events };
  return validators;
}

/** A JSON pointer segment or property name fit to print: an identifier or an index, never a value. */
const SAFE_NAME = /^(?:[A-Za-z][A-Za-z0-9_]{0,40}|\d{1,4})$/;
const safePath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((segment) => (SAFE_NAME.test(segment) ? segment : '…'))
    .join('.');

/** ajv's first error, without any value from the input. */
function describe(error: ErrorObject | undefined): string {
  if (!error) return 'does not fit the schema';
  const at = safePath(error.instancePath);
  const where = at ? `${at}: ` : '';
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    return `${where}property ${SAFE_NAME.test(name) ? `"${name}"` : '(a name that is not an identifier)'} is not in the schema`;
  }
  if (error.keyword === 'required') return `${where}missing "${String((error.params as { missingProperty?: unknown }).missingProperty)}"`;
  if (error.keyword === 'propertyNames') return `${where}a key is not a field path`;
  return `${where}${error.message ?? 'does not fit the schema'}`;
}

/** Where an issue is; built only for an issue, as most events have none. */
const where = (file: string, line: number, event: number | undefined) => (event === undefined ? { file, line } : { file, line, event });


/**
 * An ingest for feeding lines one at a time (a collector's POST bodies, a file read elsewhere).
 * `ingestTelemetry` is this over whole files.
 * @example
 * const ingest = createTelemetryIngest({ onEvent: (e) => aggregator.add(e) })
 * ingest.line(requestBody, 'collector', ++n)
 */
export function createTelemetryIngest(options: IngestOptions): TelemetryIngest {
  if (!options || typeof options.onEvent !== 'function') throw new TypeError('[oncefill] createTelemetryIngest needs { onEvent(event) }');
  const windowEvents = options.windowEvents ?? DEFAULT_INGEST_OPTIONS.windowEvents;
  if (!(Number.isInteger(windowEvents) && windowEvents > 0)) throw new TypeError('[oncefill] `windowEvents` must be a positive integer');
  const { batch: validateBatch, events: validateEvent } = compiled();
  const stats: IngestStats = { files: 0, lines: 0, badLines: 0, events: 0, accepted: 0, duplicates: 0, refused: 0, droppedInBrowsers: 0 };
  const seen = new IdWindow(windowEvents);
  const issue = (i: IngestIssue) => options.onIssue?.(i);

  const take = (value: unknown, file: string, line: number, index: number | undefined) => {
    stats.events++;
    const validate = isObject(value) && typeof value.name === 'string' ? validateEvent.get(value.name) : undefined;
    if (!validate) {
      stats.refused++;
      const named = isObject(value) && typeof value.name === 'string' && /^[a-z]{1,20}:[a-z]{1,20}$/.test(value.name) ? ` "${value.name}"` : '';
      return issue({ ...where(file, line, index), code: 'unknown-event', message: `not a known event${named}` });
    }
    const name = (value as { name: string }).name;
    if (!validate(value)) {
      stats.refused++;
      return issue({ ...where(file, line, index), code: 'bad-event', message: `${name}: ${describe(validate.errors?.[0])}` });
    }
    const event = value as unknown as TelemetryEvent;
    if (!seen.add(event.id)) {
      stats.duplicates++;
      return;
    }
    stats.accepted++;
    options.onEvent(event);
  };

  return {
    stats,
    line(text, file, line) {
      stats.lines++;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        stats.badLines++;
        return issue({ file, line, code: 'not-json', message: 'not valid JSON' });
      }
      if (!isObject(value)) {
        stats.badLines++;
        return issue({ file, line, code: 'not-an-object', message: 'not a batch or an event (a JSON object)' });
      }
      if ('resourceLogs' in value) {
        stats.badLines++;
        return issue({ file, line, code: 'otlp', message: 'OTLP JSON is not read here; send the default JSON format to this collector' });
      }
      if (!('v' in value) && !('events' in value)) return take(value, file, line, undefined);
      if (value.v !== TELEMETRY_FORMAT) {
        stats.badLines++;
        const v = typeof value.v === 'number' && Number.isInteger(value.v) ? ` ${value.v}` : '';
        return issue({ file, line, code: 'unknown-version', message: `unknown format version${v} (this ingest reads ${TELEMETRY_FORMAT})` });
      }
      if (!validateBatch(value)) {
        stats.badLines++;
        return issue({ file, line, code: 'bad-batch', message: `batch: ${describe(validateBatch.errors?.[0])}` });
      }
      stats.droppedInBrowsers += (value.dropped as number | undefined) ?? 0;
      const events = value.events as unknown[];
      for (let i = 0; i < events.length; i++) take(events[i], file, line, i);
    },
  };
}

/**
 * Calls `onLine` for each line (`\n` or `\r\n`) of the chunks, synchronously within a chunk:
 * no promise per line, and no more held than one chunk and one partial line.
 *
 * Bytes are cut at each `\n` (never part of a multi-byte character) and each line is decoded on
 * its own, rather than decoding a whole chunk into one string: the only strings alive while a
 * line is handled are that line and its parse, so the collector's young generation has almost
 * nothing to copy and is not enlarged on a long input. A leading byte order mark is dropped, as
 * a streaming decoder would.
 */
export async function forEachLine(chunks: TelemetryInput['chunks'], onLine: (line: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The start of the current line: text, then bytes not yet decoded. */
  let head = '';
  let pending: Uint8Array | undefined;
  /** Until the first bytes are decoded or text arrives (text keeps a leading U+FEFF, as before). */
  let atStart = true;
  const decode = (bytes: Uint8Array) => {
    const text = decoder.decode(bytes);
    if (!atStart) return text;
    atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  const emit = (line: string) => onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
  /** The current line: its start and, when given, the bytes that end it. */
  const finish = (end?: Uint8Array) => {
    const bytes = pending && end ? joinBytes(pending, end) : (pending ?? end);
    const line = bytes ? head + decode(bytes) : head;
    head = '';
    pending = undefined;
    return line;
  };
  for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') {
      const text = pending ? finish() + chunk : head + chunk;
      atStart = false;
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        emit(text.slice(start, end));
        start = end + 1;
      }
      head = text.slice(start);
      continue;
    }
    let start = 0;
    let end = chunk.indexOf(10);
    if (end >= 0 && (head !== '' || pending)) {
      emit(finish(chunk.subarray(0, end)));
      start = end + 1;
      end = chunk.indexOf(10, start);
    }
    for (; end >= 0; end = chunk.indexOf(10, start)) {
      emit(decode(chunk.subarray(start, end)));
      start = end + 1;
    }
    // A copy: the source may reuse its buffer for the next chunk.
    if (start < chunk.length) pending = pending ? joinBytes(pending, chunk.subarray(start)) : chunk.slice(start);
  }
  const last = finish();
  if (last !== '') emit(last);
}

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Reads NDJSON telemetry (files, stdin, a request body) line by line: each valid event is
 * passed to `onEvent` once, each refused line or event to `onIssue` with its file and line.
 * Memory stays bounded whatever the input's size.
 * @example
 * const stats = await ingestTelemetry([{ name: 'events.ndjson', chunks: createReadStream('events.ndjson') }], {
 *   onEvent: (event) => aggregator.add(event),
 *   onIssue: (i) => console.error(`${i.file}:${i.line}: ${i.message}`),
 * })
 */
export async function ingestTelemetry(inputs: TelemetryInput | readonly TelemetryInput[], options: IngestOptions | TelemetryIngest): Promise<IngestStats> {
  const ingest = 'line' in options ? options : createTelemetryIngest(options);
  for (const input of Array.isArray(inputs) ? inputs : [inputs as TelemetryInput]) {
    ingest.stats.files++;
    let n = 0;
    await forEachLine(input.chunks, (text) => ingest.line(text, input.name, ++n));
  }
  return ingest.stats;
}

export type { TelemetryEvent, TelemetryEventName };
