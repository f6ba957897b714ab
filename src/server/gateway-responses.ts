/**
 * The gateway's answers: JSON bodies with fixed headers, and protocol errors with fixed
 * messages (never a value, an ID or a name).
 */
import { PROTOCOL_ERROR_STATUS, type ProtocolErrorBody, type ProtocolErrorCode } from '../shared/protocol.js';

export type ErrorExtras = Omit<ProtocolErrorBody['error'], 'code' | 'message'>;

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  vary: 'Origin',
};

/** A JSON answer. Personal data must never be stored by shared caches: `no-store` unless told. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'cache-control': 'no-store', ...BASE_HEADERS, ...headers } });
}

/** A protocol error with its status (`PROTOCOL_ERROR_STATUS`) and `Retry-After` where it says when. */
export function errorResponse(code: ProtocolErrorCode, message: string, extras: ErrorExtras = {}, headers: Record<string, string> = {}): Response {
  const error: ProtocolErrorBody['error'] = { code, message, ...extras };
  const extra: Record<string, string> = { ...headers };
  if (error.retryAfterSeconds !== undefined) extra['retry-after'] = String(error.retryAfterSeconds);
  return jsonResponse(PROTOCOL_ERROR_STATUS[code], { protocol: 1, error } satisfies ProtocolErrorBody, extra);
}
