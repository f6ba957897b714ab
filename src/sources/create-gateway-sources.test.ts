import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../../test/support/use-msw-server.js';
import type { SourceQuery } from '../shared/protocol.js';
import { isSourceError, type SourceError } from '../shared/SourceError.js';
import { createGatewaySources } from './create-gateway-sources.js';

const BASE = 'https://portal.example/api/oncefill';
const server = useMswServer();

const query: SourceQuery = { protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['birthDate', 'fullName'] };
const answer = (attributes: Record<string, unknown>) => ({ protocol: 1, source: 'population', fingerprint: 'fp-1', attributes });
const sources = (extra = {}) => createGatewaySources({ baseUrl: BASE, timeoutMs: 500, retries: 2, ...extra });

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    expect(isSourceError(error)).toBe(true);
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
}

describe('createGatewaySources', () => {
  it('posts the query as JSON to {baseUrl}/{sourceId} with the header hook, and keeps only asked attributes', async () => {
    let seen: { url: string; body: unknown; csrf: string | null; contentType: string | null } | undefined;
    server.use(
      http.post(`${BASE}/population`, async ({ request }) => {
        seen = { url: request.url, body: await request.json(), csrf: request.headers.get('x-csrf-token'), contentType: request.headers.get('content-type') };
        return HttpResponse.json(answer({ fullName: { value: { family: 'TRẦN', middle: 'THỊ', given: 'AN' }, verification: 'verified' }, extra: { value: 1, verification: 'verified' } }));
      }),
    );
    const result = await sources({ headers: () => ({ 'X-CSRF-Token': 'tok' }) }).population.query(query);
    expect(seen).toEqual({ url: `${BASE}/population`, body: query, csrf: 'tok', contentType: expect.stringContaining('application/json') });
    expect(Object.keys(result.attributes)).toEqual(['fullName']);
    expect(Object.getPrototypeOf(result.attributes)).toBeNull();
  });

  it('retries an idempotent query after a 503 and a network error', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/population`, () => {
        calls++;
        if (calls === 1) return new HttpResponse(null, { status: 503 });
        if (calls === 2) return HttpResponse.error();
        return HttpResponse.json(answer({}));
      }),
    );
    await sources().population.query(query);
    expect(calls).toBe(3);
  });

  it('C-B11: never retries recording consent, so a POST the server processed is not stored twice', async () => {
    const stored: unknown[] = [];
    server.use(
      http.post(`${BASE}/consent`, async ({ request }) => {
        stored.push(await request.json());
        // The server processed it, then the connection failed.
        return stored.length === 1 ? HttpResponse.error() : HttpResponse.json({ protocol: 1, token: 't', expiresAt: '2030-01-01T00:00:00Z' }, { status: 201 });
      }),
    );
    const error = await failure(sources().population.recordConsent!({ protocol: 1, source: 'population', procedure: query.procedure, attributes: ['phone'] }));
    expect(error.code).toBe('network');
    expect(stored).toHaveLength(1);
  });

  const statuses: Array<[status: number, body: unknown, code: string]> = [
    [401, { protocol: 1, error: { code: 'unauthorized', message: 'x' } }, 'unauthorized'],
    [403, { protocol: 1, error: { code: 'forbidden', message: 'x' } }, 'forbidden'],
    [404, null, 'not-found'],
    [428, { protocol: 1, error: { code: 'no-consent', message: 'x', consent: { source: 'personal', attributes: ['phone'] } } }, 'no-consent'],
    [400, { protocol: 1, error: { code: 'bad-request', message: 'x' } }, 'bad-request'],
    [500, 'oops', 'server-error'],
    [418, { protocol: 1, error: { code: 'teapot', message: 'x' } }, 'bad-response'],
  ];

  it.each(statuses)('turns an HTTP %i into a typed SourceError', async (status, body, code) => {
    server.use(http.post(`${BASE}/results`, () => (body === null || typeof body === 'string' ? new HttpResponse(body, { status }) : HttpResponse.json(body, { status }))));
    const error = await failure(sources({ retries: 0 }).results.query(query));
    expect(error.code).toBe(code);
    expect(error.source).toBe('results');
    expect(error.status).toBe(status);
  });

  it('reports rate limiting with when to come back, after the retries are spent', async () => {
    server.use(http.post(`${BASE}/business`, () => HttpResponse.json({ protocol: 1, error: { code: 'rate-limited', message: 'x', retryAfterSeconds: 30 } }, { status: 429, headers: { 'retry-after': '30' } })));
    const error = await failure(sources().business.query(query));
    expect(error).toMatchObject({ code: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('gives up at once when the source is down for longer than an attempt may last, instead of keeping the form loading', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/population`, () => {
        calls++;
        return HttpResponse.json({ protocol: 1, error: { code: 'unavailable-until', message: 'x', retryAfterSeconds: 45 } }, { status: 503, headers: { 'retry-after': '45' } });
      }),
    );
    const error = await failure(sources().population.query(query));
    expect(error).toMatchObject({ code: 'unavailable-until', retryAfterMs: 45_000 });
    expect(calls).toBe(1);
  });

  it('still waits out a short Retry-After and retries', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/population`, () => (++calls === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': '0.01' } }) : HttpResponse.json(answer({})))),
    );
    await sources().population.query(query);
    expect(calls).toBe(2);
  });

  it('gives up at once, too, when Retry-After is an HTTP date further away than an attempt may last', async () => {
    let calls = 0;
    const until = new Date(Date.now() + 60_000).toUTCString();
    server.use(
      http.post(`${BASE}/population`, () => {
        calls++;
        return new HttpResponse(null, { status: 503, headers: { 'retry-after': until } });
      }),
    );
    const error = await failure(sources().population.query(query));
    expect(error.code).toBe('server-error');
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(calls).toBe(1);
  });

  it('waits as long as an attempt may last before retrying after a Retry-After it cannot read', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/population`, () => (++calls === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': 'soon' } }) : HttpResponse.json(answer({})))),
    );
    const started = performance.now();
    await sources({ timeoutMs: 300 }).population.query(query);
    expect(calls).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('carries a challenge so the citizen can answer it', async () => {
    server.use(http.post(`${BASE}/population`, () => HttpResponse.json({ protocol: 1, error: { code: 'challenge-required', message: 'x', challenge: { id: 'c1', channel: 'sms' } } }, { status: 428 })));
    const error = await failure(sources().population.query(query));
    expect(error).toMatchObject({ code: 'challenge-required', challenge: { id: 'c1', channel: 'sms' } });
  });

  it('times out per attempt and can be aborted', async () => {
    server.use(http.post(`${BASE}/personal`, async () => new Promise(() => {})));
    expect((await failure(sources({ timeoutMs: 50, retries: 0 }).personal.query(query))).code).toBe('timeout');
    const controller = new AbortController();
    const pending = sources().personal.query(query, { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
  });

  const malformed: Array<[name: string, body: string]> = [
    ['malformed JSON', '{"protocol": 1, "attributes": '],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['another source', JSON.stringify({ ...answer({}), source: 'business' })],
    ['no fingerprint', JSON.stringify({ protocol: 1, source: 'population', attributes: {} })],
    ['a 5 MB answer', JSON.stringify(answer({ fullName: { value: 'x'.repeat(5_000_000), verification: 'verified' } }))],
  ];

  it.each(malformed)('refuses %s as bad-response', async (_name, body) => {
    server.use(http.post(`${BASE}/population`, () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
    expect((await failure(sources().population.query(query))).code).toBe('bad-response');
  });

  it('keeps __proto__ and constructor keys from reaching any prototype, and marks broken attributes invalid', async () => {
    const body = `{"protocol":1,"source":"population","fingerprint":"f","attributes":{"__proto__":{"polluted":true},"constructor":{"value":1,"verification":"verified"},"fullName":{"value":"A","verification":"maybe"},"birthDate":{"value":"2001","verification":"verified","__proto__":{"polluted":true}}}}`;
    server.use(http.post(`${BASE}/population`, () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
    const result = await sources().population.query({ ...query, attributes: ['birthDate', 'fullName', '__proto__', 'constructor'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.attributes.fullName).toEqual({ verification: 'not-applicable', invalid: { reason: 'bad-answer' } });
    expect(result.attributes.birthDate).toEqual({ value: '2001', verification: 'verified' });
  });

  it('throws at once, with advice, when baseUrl is missing', () => {
    expect(() => createGatewaySources({} as never)).toThrow(/\[oncefill\] createGatewaySources needs \{ baseUrl \}/);
  });
});
