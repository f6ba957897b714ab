/**
 * The part of ky that `createGatewaySources` uses, for the one-tag embed only (the build swaps
 * it in for `ky`; see docs/decisions/007-embed-budget.md). ky is 5 KB min+gzip; the embed's
 * whole budget is 24 KB. Same behaviour where the sources rely on it, checked by running the
 * sources' own tests over this file (`vitest.config.ts`, project `embed-ky`):
 * - `create({ prefixUrl, credentials, timeout, retry, fetch, hooks.beforeRequest })`, then
 *   `post(path, { json, retry, signal })` resolving to the `Response`;
 * - non-2xx rejects with `HTTPError` (its `response` unread), a slow attempt with `TimeoutError`
 *   (the timeout is per attempt and aborts the fetch);
 * - retries (of POST, the only method here): `shouldRetry` (synchronous here), where `false`
 *   gives up; network errors and listed statuses; `Retry-After` (seconds or an HTTP date: the
 *   header the gateway protocol sends; ky also reads the `RateLimit-*` family, which no gateway
 *   sends) honoured on `afterStatusCodes`, capped at `maxRetryAfter`; otherwise 0.3 s × 2ⁿ⁻¹
 *   capped at `backoffLimit`; an abort stops everything.
 */

export class HTTPError extends Error {
  constructor(
    readonly response: Response,
    readonly request: Request,
  ) {
    super(`Request failed with status code ${response.status}`);
    this.name = 'HTTPError';
  }
}

export class TimeoutError extends Error {
  constructor(readonly request: Request) {
    super('Request timed out');
    this.name = 'TimeoutError';
  }
}

interface RetryOptions {
  limit?: number;
  statusCodes?: number[];
  afterStatusCodes?: number[];
  maxRetryAfter?: number;
  backoffLimit?: number;
  shouldRetry?: (state: { error: unknown; retryCount: number }) => boolean | undefined;
}

interface Defaults {
  prefixUrl?: string;
  credentials?: RequestCredentials;
  timeout?: number;
  retry?: RetryOptions | number;
  fetch?: typeof fetch;
  hooks?: { beforeRequest?: Array<(request: Request) => unknown> };
}

/** Milliseconds to wait before attempt `n + 1`, or `undefined` to give up. */
function delay(retry: RetryOptions, n: number, error: unknown): number | undefined {
  if (n > (retry.limit ?? 0) || retry.shouldRetry?.({ error, retryCount: n }) === false || error instanceof TimeoutError) return undefined;
  if (error instanceof HTTPError) {
    const status = error.response.status;
    if (!(retry.statusCodes ?? []).includes(status)) return undefined;
    const header = error.response.headers.get('retry-after');
    if (header && (retry.afterStatusCodes ?? []).includes(status)) {
      let after = Number(header) * 1000;
      if (Number.isNaN(after)) after = Date.parse(header) - Date.now();
      const max = retry.maxRetryAfter ?? after;
      // As ky: a header it cannot read (NaN) waits the longest allowed.
      return after < max ? after : max;
    }
  }
  return Math.min(retry.backoffLimit ?? Infinity, 0.3 * 2 ** (n - 1) * 1000);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const stop = () => (clearTimeout(timer), reject(signal!.reason));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', stop), resolve()), ms);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });

function create(defaults: Defaults) {
  const doFetch = defaults.fetch ?? ((input: RequestInfo, init?: RequestInit) => fetch(input, init));
  return {
    async post(path: string, options: { json?: unknown; retry?: RetryOptions | number; signal?: AbortSignal } = {}): Promise<Response> {
      const given = options.retry ?? defaults.retry ?? 0;
      const retry = typeof given === 'number' ? { limit: given, statusCodes: [408, 413, 429, 500, 502, 503, 504], afterStatusCodes: [413, 429, 503] } : given;
      const { signal } = options;
      for (let n = 1; ; n++) {
        const controller = new AbortController();
        const abort = () => controller.abort(signal!.reason);
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort, { once: true });
        const request = new Request(`${defaults.prefixUrl ? `${defaults.prefixUrl.replace(/\/$/, '')}/` : ''}${path.replace(/^\//, '')}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(options.json),
          credentials: defaults.credentials ?? 'same-origin',
          signal: controller.signal,
        });
        let failure: unknown;
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          for (const hook of defaults.hooks?.beforeRequest ?? []) await hook(request);
          const response = await new Promise<Response>((resolve, reject) => {
            if (defaults.timeout)
              timer = setTimeout(() => {
                controller.abort();
                reject(new TimeoutError(request));
              }, defaults.timeout);
            doFetch(request).then(resolve, reject);
          });
          if (response.ok) return response;
          failure = new HTTPError(response, request);
        } catch (error) {
          if (signal?.aborted) throw error;
          failure = error;
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', abort);
        }
        const wait = delay(retry, n, failure);
        if (wait === undefined) throw failure;
        await sleep(wait, signal);
      }
    },
  };
}

export default { create };
