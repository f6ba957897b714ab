import type { ProtocolErrorCode, SourceId } from './protocol.js';
import { OncefillError, brand, isKind } from './OncefillError.js';

/** Why a source gave no answer: a protocol error, or a transport problem. */
export type SourceErrorCode = ProtocolErrorCode | 'timeout' | 'network' | 'aborted' | 'bad-response' | 'server-error';

export interface SourceErrorDetails {
  status?: number;
  retryAfterMs?: number;
  challenge?: { id: string; channel: 'sms' | 'email' | 'app'; expiresAt?: string };
}

/**
 * A gateway source that could not answer. Carries no personal data.
 * @example
 * if (isSourceError(e) && e.code === 'rate-limited') retryIn(e.retryAfterMs)
 */
export class SourceError extends OncefillError {
  declare readonly code: SourceErrorCode;
  readonly source: SourceId;
  /** HTTP status, when there was an answer. */
  readonly status?: number;
  /** When the gateway said to come back. */
  readonly retryAfterMs?: number;
  /** `challenge-required`: the challenge to answer. */
  readonly challenge?: SourceErrorDetails['challenge'];

  constructor(code: SourceErrorCode, source: SourceId, message: string, options: SourceErrorDetails & { cause?: unknown } = {}) {
    super(code, `${source}: ${message}`, options);
    this.source = source;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.challenge !== undefined) this.challenge = options.challenge;
    brand(this, 'SourceError');
  }
}

/**
 * True for a `SourceError` from any copy of oncefill.
 * @example
 * if (isSourceError(e)) console.warn(e.source, e.code)
 */
export function isSourceError(value: unknown): value is SourceError {
  return isKind(value, 'SourceError');
}
