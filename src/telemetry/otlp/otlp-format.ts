/**
 * OTLP/HTTP JSON encoding (logs signal) of telemetry batches, for an OpenTelemetry Collector:
 * one log record per event, `eventName` the event's `'noun:verb'` name, its fields flattened
 * into `oncefill.*` attributes. The output equals what the official OpenTelemetry JS SDK
 * serializes for the same records (a test keeps it so).
 */
import { version } from '../../shared/version.js';
import type { TelemetryBatch, TelemetryEvent } from '../event-schemas.js';
import type { TelemetryFormat } from '../json-format.js';

type Scalar = string | number | boolean;
type AnyValue = { stringValue: string } | { intValue: number } | { doubleValue: number } | { boolValue: boolean };
interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface OtlpFormatOptions {
  /** Resource attributes, merged over the defaults (`service.name: 'oncefill'`, `telemetry.sdk.*`). */
  resource?: Record<string, Scalar>;
}

/** OTLP `SeverityNumber` INFO. */
const INFO = 9;

const anyValue = (value: Scalar): AnyValue =>
  typeof value === 'string'
    ? { stringValue: value }
    : typeof value === 'boolean'
      ? { boolValue: value }
      : Number.isInteger(value)
        ? { intValue: value }
        : { doubleValue: value };

const attributes = (record: Record<string, Scalar>): KeyValue[] => Object.keys(record).map((key) => ({ key, value: anyValue(record[key]!) }));

/** Milliseconds since the epoch as a decimal string of nanoseconds (too large for a double). */
const nanos = (ms: number) => (ms > 0 ? `${Math.round(ms)}000000` : '0');

/**
 * An event's fields as flat attributes: `oncefill.procedure.code`, `oncefill.timing.totalMs`,
 * `oncefill.errors.fullName`… (name and time are the record's own fields).
 * @example
 * flattenEvent(event)['oncefill.procedure.code'] // '1.004616'
 */
export function flattenEvent(event: TelemetryEvent): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], `${path}.${key}`);
    else out[path] = value as Scalar;
  };
  const { name: _name, at: _at, ...rest } = event;
  walk(rest, 'oncefill');
  return out;
}

/**
 * The OTLP/HTTP JSON format, for `createTelemetry({ format: otlpFormat() })`. Its content type is
 * `application/json`, which a cross-origin request must preflight: point `endpoint` at a
 * same-origin path that the portal forwards to its collector's `/v1/logs`.
 * @example
 * createTelemetry({ endpoint: '/otel/v1/logs', format: otlpFormat({ resource: { 'service.name': 'dvc-haiphong' } }) })
 */
export function otlpFormat(options: OtlpFormatOptions = {}): TelemetryFormat {
  const resource = attributes({
    'service.name': 'oncefill',
    'telemetry.sdk.name': 'oncefill',
    'telemetry.sdk.language': 'webjs',
    'telemetry.sdk.version': version,
    ...options.resource,
  });
  return {
    contentType: 'application/json',
    encode: (batch: TelemetryBatch) =>
      JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: resource, droppedAttributesCount: 0 },
            scopeLogs: [
              {
                scope: { name: 'oncefill', version },
                logRecords: batch.events.map((event) => ({
                  timeUnixNano: nanos(event.at),
                  observedTimeUnixNano: nanos(batch.sentAt),
                  severityNumber: INFO,
                  severityText: 'INFO',
                  body: { stringValue: event.name },
                  eventName: event.name,
                  attributes: attributes(flattenEvent(event)),
                  droppedAttributesCount: 0,
                })),
              },
            ],
          },
        ],
      }),
  };
}
