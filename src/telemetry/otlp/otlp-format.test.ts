import { SeverityNumber } from '@opentelemetry/api-logs';
import { JsonLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { describe, expect, it } from 'vitest';
import { version } from '../../shared/version.js';
import type { TelemetryBatch, TelemetryEvent } from '../event-schemas.js';
import { exampleBatch } from '../example-events.js';
import { otlpFormat } from './otlp-format.js';

/** Flattens an event the way the docs describe, written independently of the encoder. */
function attributesOf(event: TelemetryEvent): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const visit = (value: unknown, prefix: string): void => {
    if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => visit(v, `${prefix}.${k}`));
    else out[prefix] = value as string | number | boolean;
  };
  for (const [key, value] of Object.entries(event)) if (key !== 'name' && key !== 'at') visit(value, `oncefill.${key}`);
  return out;
}

/** What the official OpenTelemetry JS SDK serializes for the same records. */
async function officialEncoding(batch: TelemetryBatch, resource: Record<string, string | number | boolean>): Promise<unknown> {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource: resourceFromAttributes(resource), processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('oncefill', version);
  for (const event of batch.events)
    logger.emit({
      timestamp: event.at,
      observedTimestamp: batch.sentAt,
      severityNumber: SeverityNumber.INFO,
      severityText: 'INFO',
      body: event.name,
      eventName: event.name,
      attributes: attributesOf(event),
    });
  await provider.forceFlush();
  return JSON.parse(new TextDecoder().decode(JsonLogsSerializer.serializeRequest(exporter.getFinishedLogRecords())));
}

const defaults = {
  'service.name': 'oncefill',
  'telemetry.sdk.name': 'oncefill',
  'telemetry.sdk.language': 'webjs',
  'telemetry.sdk.version': version,
};

describe('otlpFormat', () => {
  it('encodes every event exactly as the OpenTelemetry JS SDK serializes the same log records', async () => {
    const batch = exampleBatch();
    expect(JSON.parse(otlpFormat().encode(batch))).toEqual(await officialEncoding(batch, defaults));
  });

  it('encodes a sample rate below 1 as a double and whole numbers as ints, as the SDK does', async () => {
    const batch = exampleBatch();
    batch.events = batch.events.map((e) => ({ ...e, sampleRate: 0.25 }));
    const ours = JSON.parse(otlpFormat().encode(batch));
    expect(ours).toEqual(await officialEncoding(batch, defaults));
    const attributes = ours.resourceLogs[0].scopeLogs[0].logRecords[0].attributes as Array<{ key: string; value: unknown }>;
    expect(attributes.find((a) => a.key === 'oncefill.sampleRate')?.value).toEqual({ doubleValue: 0.25 });
  });

  it('merges the portal resource attributes over the defaults', async () => {
    const batch = exampleBatch();
    const resource = { 'service.name': 'dvc-haiphong', 'deployment.environment.name': 'staging' };
    expect(JSON.parse(otlpFormat({ resource }).encode(batch))).toEqual(await officialEncoding(batch, { ...defaults, ...resource }));
  });

  it('keeps nanosecond timestamps exact (as decimal strings, beyond double precision)', async () => {
    const batch = exampleBatch();
    const record = JSON.parse(otlpFormat().encode(batch)).resourceLogs[0].scopeLogs[0].logRecords[0];
    expect(record.timeUnixNano).toBe(`${batch.events[0]!.at}000000`);
    expect(record.eventName).toBe('form:opened');
  });
});
