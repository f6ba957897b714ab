import ky, { HTTPError, TimeoutError, type KyInstance, type RetryOptions } from 'ky';
import { SOURCE_KINDS } from '../schema/format-constants.js';
import type { AbortSignalLike } from '../shared/host.js';
import type { ConsentAnswer, ConsentRequest, ProtocolErrorBody, ProtocolErrorCode, SourceId, SourceQuery } from '../shared/protocol.js';
import { SourceError, type SourceErrorCode } from '../shared/SourceError.js';
import { parseSourceAnswer } from './parse-source-answer.js';
import type { Source } from './types.js';

export interface GatewaySourcesOptions {
  /** The portal gateway's base URL, e.g. `/api/oncefill` or `https://portal.example/oncefill`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Headers for every request (the CSRF token); a function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Cookies: `same-origin` by default; `include` for a gateway on another origin. */
  credentials?: RequestCredentials;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries of a query (idempotent) after a network error or 408/429/5xx. Consent is never retried. */
  retries?: number;
  /** Answers longer than this are refused (`bad-response`). */
  maxAnswerChars?: number;
}

export const DEFAULT_GATEWAY_SOURCES_OPTIONS = {
  credentials: 'same-origin' as RequestCredentials,
  timeoutMs: 8000,
  retries: 2,
  maxAnswerChars: 2_000_000,
};

export type GatewaySources = Record<SourceId, Source>;

/**
 * The protocol's error codes. An error's message is its code (and what was wrong with an answer):
 * nothing a server sends is ever echoed into an error.
 */
const PROTOCOL_ERRORS = new Set<string>(['unauthorized', 'forbidden', 'no-consent', 'challenge-required', 'not-found', 'unavailable-until', 'rate-limited', 'bad-request']);

/** `Retry-After` in milliseconds: seconds or an HTTP date (NaN when absent or unreadable). */
function retryAfterMs(response: Response): number {
  const header = response.headers.get('retry-after') ?? '';
  const seconds = header === '' ? NaN : Number(header);
  return Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
}

/**
 * The standard sources (`population`, `results`, `personal`, `business`) over the portal's
 * gateway: each asks with `POST {baseUrl}/{sourceId}`; consent goes to `POST {baseUrl}/consent`.
 * @example
 * const sources = createGatewaySources({
 *   baseUrl: '/api/oncefill',
 *   headers: () => ({ 'X-CSRF-Token': document.querySelector('meta[name=csrf]').content }),
 * })
 */
export function createGatewaySources(options: GatewaySourcesOptions): GatewaySources {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '')
    throw new TypeError('[oncefill] createGatewaySources needs { baseUrl }');
  const o = { ...DEFAULT_GATEWAY_SOURCES_OPTIONS, ...options };
  const headerHook = typeof o.headers === 'function' ? o.headers : () => (o.headers ?? {}) as Record<string, string>;
  const api = ky.create({
    prefixUrl: o.baseUrl.replace(/\/+$/, ''),
    credentials: o.credentials,
    timeout: o.timeoutMs,
    retry: 0,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    hooks: {
      beforeRequest: [
        async (request) => {
          for (const [name, value] of Object.entries(await headerHook())) request.headers.set(name, value);
        },
      ],
    },
  });

  const sources = {} as GatewaySources;
  for (const id of SOURCE_KINDS) {
    sources[id] = {
      id,
      async query(query: SourceQuery, call = {}) {
        const raw = await send(api, id, id, query, call.signal, {
          limit: o.retries,
          methods: ['post'],
          statusCodes: [408, 429, 500, 502, 503, 504],
          afterStatusCodes: [429, 503],
          maxRetryAfter: o.timeoutMs,
          backoffLimit: 2000,
          // A source down for longer than an attempt may last (the gateway's `unavailable-until`):
          // say so now, so the citizen gets the notice and an editable form instead of a spinner.
          shouldRetry: ({ error }) => (error instanceof HTTPError && retryAfterMs(error.response) > o.timeoutMs ? false : undefined),
        }, o.maxAnswerChars);
        return parseSourceAnswer(raw, id, query.attributes);
      },
      async recordConsent(request: ConsentRequest, call = {}) {
        const raw = await send(api, id, 'consent', request, call.signal, 0, o.maxAnswerChars);
        const answer = raw as Partial<ConsentAnswer> | null;
        if (!answer || answer.protocol !== 1 || typeof answer.token !== 'string' || typeof answer.expiresAt !== 'string')
          throw new SourceError('bad-response', id, 'not a consent answer');
        return { protocol: 1, token: answer.token, expiresAt: answer.expiresAt };
      },
    };
  }
  return sources;
}

async function send(
  api: KyInstance,
  source: SourceId,
  path: string,
  body: unknown,
  signal: AbortSignalLike | undefined,
  retry: RetryOptions | number,
  maxChars: number,
): Promise<unknown> {
  let text: string;
  try {
    const response = await api.post(path, { json: body, retry, ...(signal ? { signal: signal as AbortSignal } : {}) });
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxChars) throw new SourceError('bad-response', source, 'answer too large', { status: response.status });
    text = await response.text();
  } catch (error) {
    throw await toSourceError(error, source, signal);
  }
  if (text.length > maxChars) throw new SourceError('bad-response', source, 'answer too large');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new SourceError('bad-response', source, 'not JSON', { cause });
  }
}

async function toSourceError(error: unknown, source: SourceId, signal: AbortSignalLike | undefined): Promise<SourceError> {
  if (error instanceof SourceError) return error;
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return new SourceError('aborted', source, 'aborted', { cause: error });
  if (error instanceof TimeoutError) return new SourceError('timeout', source, 'timeout', { cause: error });
  if (error instanceof HTTPError) {
    const { status } = error.response;
    let body: ProtocolErrorBody['error'] | undefined;
    try {
      const parsed = (await error.response.json()) as Partial<ProtocolErrorBody> | null;
      if (parsed && typeof parsed.error === 'object' && parsed.error !== null) body = parsed.error;
    } catch {
      // Not a protocol error body: classified by status below.
    }
    const code: SourceErrorCode =
      body && PROTOCOL_ERRORS.has(body.code) ? (body.code as ProtocolErrorCode) : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 429 ? 'rate-limited' : status >= 500 ? 'server-error' : 'bad-response';
    const retryAfter = typeof body?.retryAfterSeconds === 'number' ? body.retryAfterSeconds : retryAfterMs(error.response) / 1000;
    const challenge = code === 'challenge-required' && body?.challenge && typeof body.challenge.id === 'string' ? body.challenge : undefined;
    return new SourceError(code, source, code, {
      cause: error,
      status,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      ...(challenge ? { challenge: { id: challenge.id, channel: challenge.channel, ...(challenge.expiresAt ? { expiresAt: challenge.expiresAt } : {}) } } : {}),
    });
  }
  return new SourceError('network', source, 'network', { cause: error });
}
