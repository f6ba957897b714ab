import type { TelemetryBatch } from './event-schemas.js';

/** How a batch becomes a request body. */
export interface TelemetryFormat {
  /**
   * The body's content type. `text/plain;charset=UTF-8` is CORS-safelisted: a cross-origin
   * beacon or fetch needs no preflight (a JSON type would, and beacons carry credentials).
   */
  contentType: string;
  encode(batch: TelemetryBatch): string;
}

/**
 * The default format: the batch as JSON text, sent as `text/plain;charset=UTF-8`. The collector
 * parses the body as JSON whatever the content type says.
 * @example
 * createTelemetry({ endpoint: 'https://t.example.gov.vn/collect', format: jsonFormat })
 */
export const jsonFormat: TelemetryFormat = {
  contentType: 'text/plain;charset=UTF-8',
  encode: (batch) => JSON.stringify(batch),
};
