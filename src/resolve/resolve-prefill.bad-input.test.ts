/**
 * The bad-input table of issue 5: every fault, for each source alone and for all of them
 * together. Each cell asserts per-source and per-field statuses, that the healthy sources
 * still fill, that nothing throws, and that no prototype is polluted.
 */
import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../../test/support/use-msw-server.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { SOURCE_KINDS, type SourceId } from '../shared/protocol.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { clearPrefillCache } from './prefill-cache.js';
import { resolvePrefill } from './resolve-prefill.js';
import type { FieldStatus, SourceStatus } from './types.js';

const BASE = 'https://portal.example/api/oncefill';
const server = useMswServer();

const cite = { document: 'Mẫu thử', tag: 'V' };
const field = (id: string, type: string, source: SourceId, attribute: string) => ({ id, type, label: { vi: id }, status: 'verified', source: cite, prefill: { from: [{ source, attribute }] } });
const procedure = parseProcedure({
  format: 1, code: '2.000648', version: '2026.1', status: 'verified', title: { vi: 'Thử' }, agency: { vi: 'Sở' }, applicant: 'either', source: cite,
  fields: [
    field('name', 'text', 'population', 'fullName'),
    field('diplomaTitle', 'text', 'results', 'diploma.title'),
    field('email', 'email', 'personal', 'email'),
    field('company', 'text', 'business', 'name'),
    field('capital', 'decimal', 'business', 'charterCapital'),
  ],
});
const FIELDS_OF: Record<SourceId, string[]> = { population: ['name'], results: ['diplomaTitle'], personal: ['email'], business: ['company', 'capital'] };

const good: Record<SourceId, Record<string, unknown>> = {
  population: { fullName: { value: { family: 'LÊ', middle: '', given: 'HOA' }, verification: 'verified' } },
  results: { diploma: { value: [{ type: 'diploma', number: 'B1', title: 'Cử nhân' }], verification: 'verified' } },
  personal: { email: { value: 'hoa@example.vn', verification: 'user-provided' } },
  business: { name: { value: 'HỢP TÁC XÃ B', verification: 'verified' }, charterCapital: { value: '1500000000', verification: 'verified' } },
};
const answer = (source: SourceId, attributes: unknown = good[source]) => ({ protocol: 1, source, fingerprint: 'fp', attributes });
const raw = (text: string, status = 200) => new HttpResponse(text, { status, headers: { 'content-type': 'application/json' } });
const protocolError = (code: string, status: number) => HttpResponse.json({ protocol: 1, error: { code, message: 'x' } }, { status });

interface Fault {
  respond: (source: SourceId) => Response | Promise<Response>;
  source: SourceStatus;
  code?: string;
  /** Status of the faulty source's fields (per field id when they differ). */
  fields: FieldStatus | Record<string, FieldStatus>;
  logout?: boolean;
}

const hang = () => new Promise<Response>(() => {});
const faults: Record<string, Fault> = {
  timeout: { respond: hang, source: 'timeout', code: 'timeout', fields: 'error' },
  'network error': { respond: () => HttpResponse.error(), source: 'error', code: 'network', fields: 'error' },
  '401': { respond: () => protocolError('unauthorized', 401), source: 'error', code: 'unauthorized', fields: 'error' },
  '403': { respond: () => protocolError('forbidden', 403), source: 'error', code: 'forbidden', fields: 'error' },
  '404': { respond: () => new HttpResponse(null, { status: 404 }), source: 'error', code: 'not-found', fields: 'error' },
  '429': { respond: () => protocolError('rate-limited', 429), source: 'error', code: 'rate-limited', fields: 'error' },
  '500': { respond: () => raw('oops', 500), source: 'error', code: 'server-error', fields: 'error' },
  'malformed JSON': { respond: () => raw('{"protocol":1,'), source: 'error', code: 'bad-response', fields: 'error' },
  'an array where an object belongs': { respond: () => raw('[]'), source: 'error', code: 'bad-response', fields: 'error' },
  'a string where an object belongs': { respond: () => raw('"ok"'), source: 'error', code: 'bad-response', fields: 'error' },
  'wrong attribute types': {
    respond: (s) => HttpResponse.json(answer(s, { fullName: { value: 42, verification: 'verified' }, diploma: { value: 'B1', verification: 'verified' }, email: { value: ['x'], verification: 'verified' }, name: { value: { a: 1 }, verification: 'verified' }, charterCapital: { value: true, verification: 'verified' } })),
    source: 'ok',
    fields: 'invalid',
  },
  'JSON integers above 2^53': {
    respond: (s) => raw(`{"protocol":1,"source":"${s}","fingerprint":"fp","attributes":{"fullName":{"value":9007199254740993,"verification":"verified"},"diploma":{"value":9007199254740993,"verification":"verified"},"email":{"value":9007199254740993,"verification":"verified"},"name":{"value":9007199254740993,"verification":"verified"},"charterCapital":{"value":9007199254740993,"verification":"verified"}}}`),
    source: 'ok',
    fields: { capital: 'invalid', default: 'invalid' },
  },
  '__proto__ and constructor keys': {
    respond: (s) => raw(`{"protocol":1,"source":"${s}","fingerprint":"fp","__proto__":{"polluted":1},"attributes":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"fullName":{"value":{"__proto__":{"polluted":1},"given":"HOA"},"verification":"verified"}}}`),
    source: 'ok',
    fields: { name: 'filled', default: 'missing' },
  },
  'a 5 MB answer': { respond: (s) => HttpResponse.json(answer(s, { fullName: { value: 'x'.repeat(5_000_000), verification: 'verified' } })), source: 'error', code: 'bad-response', fields: 'error' },
  'an answer after the deadline': { respond: async (s) => (await delay(1500), HttpResponse.json(answer(s))), source: 'timeout', code: 'timeout', fields: 'error' },
  'an answer after logout': { respond: async (s) => (await delay(150), HttpResponse.json(answer(s))), source: 'error', code: 'aborted', fields: 'error', logout: true },
};

const statusOf = (fault: Fault, id: string): FieldStatus =>
  typeof fault.fields === 'string' ? fault.fields : (fault.fields[id] ?? fault.fields.default!);

const cells: Array<[string, string, SourceId[]]> = Object.keys(faults).flatMap((name) => [
  ...SOURCE_KINDS.map((s): [string, string, SourceId[]] => [`${name} from ${s} alone`, name, [s]]),
  [`${name} from every source together`, name, [...SOURCE_KINDS]],
]);

describe('resolvePrefill under bad input', () => {
  it.each(cells)('%s', async (_cell, name, faulty) => {
    const fault = faults[name]!;
    server.use(http.post(`${BASE}/:source`, ({ params }) => {
      const source = String(params.source) as SourceId;
      return faulty.includes(source) ? fault.respond(source) : HttpResponse.json(answer(source));
    }));
    const sources = createGatewaySources({ baseUrl: BASE, retries: 0, timeoutMs: 400 });
    const pending = resolvePrefill(procedure, { sources, deadlineMs: 1000 });
    if (fault.logout) {
      await delay(50);
      clearPrefillCache();
    }
    const result = await pending;

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const source of SOURCE_KINDS) {
      const status = result.sources[source]!;
      if (faulty.includes(source)) {
        expect(status.status, source).toBe(fault.source);
        if (fault.code) expect(status.error?.code, source).toBe(fault.code);
        for (const id of FIELDS_OF[source]) expect(result.fields[id]?.status, id).toBe(statusOf(fault, id));
      } else if (fault.logout) {
        // A logout ends the whole resolution: nothing from before it may appear.
        expect(status.status, source).toBe('error');
      } else {
        expect(status.status, source).toBe('ok');
        for (const id of FIELDS_OF[source]) expect(result.fields[id]?.status, id).toBe('filled');
      }
    }
    if (fault.logout) expect(JSON.stringify(result.fields)).not.toMatch(/Hoa|Cử nhân|HỢP TÁC|hoa@/);
  });
});
