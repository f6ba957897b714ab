/** `oncefill/otlp`: optional OTLP/HTTP JSON (logs) encoding of telemetry events. */
export { version } from '../../shared/version.js';
