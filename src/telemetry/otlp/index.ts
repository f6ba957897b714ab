/** `oncefill/otlp`: optional OTLP/HTTP JSON (logs) encoding of telemetry events. */
export { version } from '../../shared/version.js';
export { otlpFormat, flattenEvent, type OtlpFormatOptions } from './otlp-format.js';
