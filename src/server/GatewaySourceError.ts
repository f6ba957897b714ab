import { OncefillError, brand, isKind } from '../shared/OncefillError.js';

/**
 * What a portal's source function may report instead of a record.
 * @example
 * const code: GatewaySourceErrorCode = answer.status === 429 ? 'rate-limited' : 'unavailable-until'
 */
export type GatewaySourceErrorCode = 'challenge-required' | 'not-found' | 'unavailable-until' | 'rate-limited' | 'forbidden';

/**
 * The details a typed source error carries to the browser (never a destination or a value).
 * @example
 * new GatewaySourceError('unavailable-until', { until: '2026-06-01T05:00:00Z', retryAfterSeconds: 600 } satisfies GatewaySourceErrorDetails)
 */
export interface GatewaySourceErrorDetails {
  /** `challenge-required`: where the national platform sent a one-time code (no destination details). */
  challenge?: { id: string; channel: 'sms' | 'email' | 'app'; expiresAt?: string };
  /** `rate-limited`, `unavailable-until`: when to try again. */
  retryAfterSeconds?: number;
  /** `unavailable-until`: ISO date-time the platform is expected back. */
  until?: string;
  cause?: unknown;
}

/**
 * Thrown by a portal's source function to give a typed answer instead of a record: the
 * national platform wants a one-time code (its code `"00"`; a wrong code, `"01"`, asks again),
 * has no such subject, is down until a time, rate-limits, or refuses. The gateway turns it
 * into the protocol error of the same code. The message is never sent to the browser.
 * @example
 * population: async ({ subject, challenge }) => {
 *   const answer = await nationalPopulationApi(subject.personalId, challenge?.code)
 *   if (answer.errorCode === '00' || answer.errorCode === '01')
 *     throw new GatewaySourceError('challenge-required', { challenge: { id: answer.otpRequestId, channel: 'sms' } })
 *   return answer.body
 * }
 */
export class GatewaySourceError extends OncefillError {
  declare readonly code: GatewaySourceErrorCode;
  readonly challenge?: GatewaySourceErrorDetails['challenge'];
  readonly retryAfterSeconds?: number;
  readonly until?: string;

  constructor(code: GatewaySourceErrorCode, details: GatewaySourceErrorDetails = {}) {
    super(code, `the national source answered ${code}`, details.cause === undefined ? {} : { cause: details.cause });
    if (details.challenge !== undefined) this.challenge = details.challenge;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.until !== undefined) this.until = details.until;
    brand(this, 'GatewaySourceError');
  }
}

/**
 * True for a `GatewaySourceError` from any copy of oncefill.
 * @example
 * if (isGatewaySourceError(e) && e.code === 'challenge-required') log('otp')
 */
export function isGatewaySourceError(value: unknown): value is GatewaySourceError {
  return isKind(value, 'GatewaySourceError');
}
