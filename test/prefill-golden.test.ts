/**
 * `resolvePrefill` on each of the six shipped procedures against the real gateway
 * (`createGatewayHandlers` from `oncefill/testing`, over the fictional national records), through
 * msw at the network edge, compared with hand-reviewed golden results in `test/golden/prefill/`.
 * Latencies, the session fingerprint and each statement's nonce and signature are random or
 * timing-bound and are stripped; the rest (values, statuses, provenance, documents, what each
 * signed statement says) is the golden. `UPDATE_GOLDEN=1 npx vitest run test/prefill-golden.test.ts`
 * rewrites the files: read every line of the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolvePrefill, type ResolvePrefillOptions } from '../src/resolve/resolve-prefill.js';
import type { PrefillResult } from '../src/resolve/types.js';
import { parseProcedure } from '../src/schema/parse-procedure.js';
import { createGatewaySources } from '../src/sources/create-gateway-sources.js';
import { createGatewayHandlers, fixtures, SHIPPED_PROCEDURES, type GatewayHandlersOptions } from '../src/testing/index.js';
import { useMswServer } from './support/use-msw-server.js';

const BASE = 'https://portal.example/api/oncefill';
const NOW = Date.UTC(2026, 9, 15, 3, 0, 0);
const TODAY = '2026-10-15';
const GOLDEN = new URL('./golden/prefill/', import.meta.url);
const server = useMswServer();

const [lan, hoa, child] = fixtures.citizens;
const [anKhang] = fixtures.businesses;
const shipped = (code: string) => parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === code));

/**
 * Resolves `code` for the session's citizen through the real gateway. A `challenge` from a
 * source is answered once with the fixture's one-time code, as the citizen would type it.
 */
async function resolveThroughGateway(code: string, handlers: Omit<GatewayHandlersOptions, 'baseUrl'>, options: Partial<ResolvePrefillOptions> = {}, procedure = shipped(code)) {
  server.use(...createGatewayHandlers({ baseUrl: BASE, now: () => NOW, ...handlers }));
  const sources = createGatewaySources({ baseUrl: BASE, retries: 0 });
  const run = (extra: Partial<ResolvePrefillOptions> = {}) => resolvePrefill(procedure, { sources, consent: () => true, today: TODAY, ...options, ...extra });
  const first = await run();
  const session = (handlers.fixtures ?? fixtures).citizens.find((c) => c.personalId === handlers.session);
  const challenged = Object.entries(first.sources).filter(([, s]) => s?.status === 'challenge');
  if (challenged.length === 0 || session?.otp === undefined) return { first, result: first };
  const challenges = Object.fromEntries(challenged.map(([source, s]) => [source, { id: s!.challenge!.id, code: session.otp! }]));
  return { first, result: await run({ challenges }) };
}

/** The result with what is random or timing-bound taken out, and each statement's payload decoded so a reviewer can read it. */
function deterministic(result: PrefillResult): unknown {
  const copy = JSON.parse(JSON.stringify(result)) as PrefillResult & { statements?: unknown[] };
  for (const source of Object.values(copy.sources)) delete source!.latencyMs;
  if (copy.fingerprint !== undefined) copy.fingerprint = '<session fingerprint>';
  const statements = copy.provenance.map((token) => {
    const [prefix, kid, payload] = token.split('.');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    decoded.nonce = '<random>';
    return { prefix, kid, payload: decoded };
  });
  return { ...copy, provenance: statements };
}

function matchesGolden(file: string, result: PrefillResult) {
  const actual = deterministic(result);
  const url = new URL(file, GOLDEN);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(url, 'utf8')));
}

/** One golden per shipped procedure (two for 1.005092: the citizen for herself, and a mother for her child). */
const scenarios: Array<[file: string, code: string, handlers: Omit<GatewayHandlersOptions, 'baseUrl'>, options: Partial<ResolvePrefillOptions>]> = [
  ['1.000028.lan.json', '1.000028', { session: lan!.personalId }, {}],
  ['1.004616.lan.json', '1.004616', { session: lan!.personalId }, {}],
  ['1.005092.hoa.json', '1.005092', { session: hoa!.personalId }, {}],
  ['1.005092.lan-for-child.json', '1.005092', { session: lan!.personalId }, { actingFor: { personalId: child!.personalId } }],
  ['2.000535.lan-for-an-khang.json', '2.000535', { session: lan!.personalId }, { actingFor: { enterpriseCode: anKhang!.enterpriseCode } }],
  ['2.000645.lan-for-an-khang.json', '2.000645', { session: lan!.personalId }, { actingFor: { enterpriseCode: anKhang!.enterpriseCode } }],
  ['2.000648.lan-for-an-khang.json', '2.000648', { session: lan!.personalId }, { actingFor: { enterpriseCode: anKhang!.enterpriseCode } }],
];

describe('resolvePrefill golden results on the six shipped procedures', () => {
  it('covers every shipped procedure', () => {
    expect(new Set(scenarios.map(([, code]) => code))).toEqual(new Set(SHIPPED_PROCEDURES.map((p) => (p as { code: string }).code)));
  });

  it.each(scenarios)('%s matches the hand-reviewed golden result', async (file, code, handlers, options) => {
    const { result } = await resolveThroughGateway(code, handlers, options);
    expect(result.complete).toBe(true);
    matchesGolden(file, result);
  });
});

/** The definition asks `field` to be locked: what keeps it unlocked is the value, not the definition. */
const definitionLocks = (code: string, field: string) => shipped(code).fields.some((f) => f.id === field && f.prefill?.lock === true);

describe('the hard parts, named (through the real gateway and fixtures)', () => {
  it('a year-only birth date stays a year (Lê Thị Hoà, born 1962, after her one-time code)', async () => {
    const { first, result } = await resolveThroughGateway('1.005092', { session: hoa!.personalId });
    expect(first.sources.population?.status).toBe('challenge');
    expect(result.fields.birthDate).toMatchObject({ status: 'filled', value: '1962', locked: true });
  });

  it('a personal ID with a leading zero stays a 12-character string', async () => {
    const { result } = await resolveThroughGateway('1.005092', { session: hoa!.personalId });
    const id = result.fields.idNumber!;
    expect(id).toMatchObject({ status: 'filled', value: '030162004567' });
    expect(typeof id.value === 'string' && id.value.length).toBe(12);
    expect(result.documents.identityDocument?.reuse?.documentNumber).toBe('030162004567');
  });

  it('an old ward split among several 2025 wards gives a conflict with every candidate ward', async () => {
    const { result } = await resolveThroughGateway('1.004616', { session: lan!.personalId });
    const address = result.fields.permanentAddress!;
    expect(address.status).toBe('conflict');
    expect(address.value).toBeUndefined();
    expect(address.locked).toBe(false);
    // Phường Đồng Xuân (00040) went partly to Phường Ba Đình and partly to Phường Hoàn Kiếm.
    expect(address.candidates?.map((c) => (c.value as { wardCode: string }).wardCode)).toEqual(['00004', '00070']);
  });

  it('a not-applicable or unknown value never locks a field the definition locks', async () => {
    // Lan for herself: no enterprise behind her, so the business answers not-applicable.
    expect(definitionLocks('1.000028', 'organizationName') && definitionLocks('1.000028', 'enterpriseCode')).toBe(true);
    const own = (await resolveThroughGateway('1.000028', { session: lan!.personalId })).result;
    for (const field of ['organizationName', 'enterpriseCode']) expect(own.fields[field], field).toEqual({ status: 'unavailable', locked: false });
    // Her child's record: a birth date that does not exist (30/02/2012).
    expect(definitionLocks('1.005092', 'birthDate')).toBe(true);
    const forChild = (await resolveThroughGateway('1.005092', { session: lan!.personalId }, { actingFor: { personalId: child!.personalId } })).result;
    expect(forChild.fields.birthDate).toMatchObject({ status: 'invalid', locked: false });
    expect(forChild.fields.birthDate!.value).toBeUndefined();
  });

  it('an integer beyond 2^53 from the registry is invalid, never a rounded number', async () => {
    const definition = structuredClone(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === '2.000648')) as { fields: Array<Record<string, unknown>> };
        definition.fields.push({ id: 'charterCapital', type: 'decimal', label: { vi: 'Vốn điều lệ' }, status: 'draft', source: definition.fields[0]!.source, prefill: { from: [{ source: 'business', attribute: 'charterCapital' }], lock: true } });
    const procedure = parseProcedure(definition);
    const withCapital = async (capital: number | string) => {
      server.resetHandlers();
      const records = structuredClone(fixtures) as { citizens: typeof fixtures.citizens; businesses: Array<{ enterpriseCode: string; business?: Record<string, unknown> }> };
      records.businesses[0]!.business!.VonDieuLe = capital;
      const handlers = { session: lan!.personalId, fixtures: records as typeof fixtures, procedures: [definition] };
      return (await resolveThroughGateway('2.000648', handlers, { actingFor: { enterpriseCode: anKhang!.enterpriseCode }, cache: false }, procedure)).result;
    };
    const unsafe = await withCapital(2 ** 53 + 2);
    expect(unsafe.fields.charterCapital).toMatchObject({ status: 'invalid', locked: false });
    expect(unsafe.fields.charterCapital!.value).toBeUndefined();
    expect(unsafe.fields.traderName, 'the other fields still fill').toMatchObject({ status: 'filled' });
    // The same amount as digits is exact, so it fills, digit for digit.
    const digits = await withCapital('9007199254740993');
    expect(digits.fields.charterCapital).toMatchObject({ status: 'filled', value: '9007199254740993', locked: true });
  });

  it('2.000535 reuses the expired food-safety certificate it reissues; without allowExpired the gateway and resolver refuse it', async () => {
    const allowed = (await resolveThroughGateway('2.000535', { session: lan!.personalId }, { actingFor: { enterpriseCode: anKhang!.enterpriseCode } })).result;
    expect(allowed.documents.oldCertificate).toMatchObject({ status: 'reused', reuse: { documentNumber: '07/2022/ATTP-CNĐK' }, display: { validUntil: '2025-04-18' } });
    expect(allowed.provenance.some((token) => token.split('.')[2] && Buffer.from(token.split('.')[2]!, 'base64url').toString('utf8').includes('"oldCertificate"'))).toBe(true);

    server.resetHandlers();
    const definition = structuredClone(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === '2.000535')) as { documents: Array<{ id: string; reuse?: Array<Record<string, unknown>> }> };
    for (const reuse of definition.documents.find((d) => d.id === 'oldCertificate')!.reuse!) delete reuse.allowExpired;
    const strict = (await resolveThroughGateway('2.000535', { session: lan!.personalId, procedures: [definition] }, { actingFor: { enterpriseCode: anKhang!.enterpriseCode }, cache: false }, parseProcedure(definition))).result;
    expect(strict.documents.oldCertificate).toEqual({ status: 'missing' });
    expect(strict.provenance.some((token) => Buffer.from(token.split('.')[2]!, 'base64url').toString('utf8').includes('"oldCertificate"'))).toBe(false);
  });
});
