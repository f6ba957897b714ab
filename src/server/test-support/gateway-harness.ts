/**
 * Test support: a gateway over the fixtures with spied source functions (the portal's
 * functions, not our modules), requests as a browser on the portal sends them, and a check
 * that every answer validates against its published schema in `docs/protocol/`.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, vi } from 'vitest';
import { FIXTURE_DOCUMENT_TYPES, fixtures, type GatewayFixtures } from '../../testing/fixtures.js';
import { SHIPPED_PROCEDURES } from '../../testing/create-gateway-handlers.js';
import { createPrefillGateway, type GatewayAuthorization, type GatewaySourceCall, type PrefillGatewayOptions } from '../create-prefill-gateway.js';
import { AJV_OPTIONS } from '../json-validator.js';
import type { SourceId } from '../../shared/protocol.js';

export const ORIGIN = 'https://dichvucong.example.gov.vn';
export const BASE = `${ORIGIN}/api/oncefill`;
export const KEY = Buffer.alloc(32, 7);
export const KID = 'k2026a';
export const CSRF = 'csrf-of-this-session';
export const LAN = fixtures.citizens[0]!;
export const HOA = fixtures.citizens[1]!;
export const CHILD = fixtures.citizens[2]!;
export const AN_KHANG = fixtures.businesses[0]!;
export const BIEN_XANH = fixtures.businesses[1]!;
export const NOW = Date.UTC(2026, 5, 1, 3, 0, 0);

const ajv = new Ajv2020({ ...AJV_OPTIONS });
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(new URL(`../../../docs/protocol/${name}`, import.meta.url), 'utf8')) as object);
const validators = {
  answer: schema('source-answer.schema.json'),
  consent: schema('consent-answer.schema.json'),
  error: schema('error.schema.json'),
  query: schema('source-query.schema.json'),
  consentRequest: schema('consent-request.schema.json'),
};

/** Fails the test unless the message validates against its schema in docs/protocol/. */
export function expectValidMessage(kind: keyof typeof validators, message: unknown): void {
  const validate = validators[kind];
  expect(validate(message), JSON.stringify(validate.errors)).toBe(true);
}

/** Source functions that read the fixtures, each a spy. */
export function spiedSources(data: GatewayFixtures = fixtures) {
  const citizen = (call: GatewaySourceCall) => ('personalId' in call.subject ? data.citizens.find((c) => c.personalId === (call.subject as { personalId: string }).personalId) : undefined);
  const business = (call: GatewaySourceCall) => ('enterpriseCode' in call.subject ? data.businesses.find((b) => b.enterpriseCode === (call.subject as { enterpriseCode: string }).enterpriseCode) : undefined);
  return {
    population: vi.fn(async (call: GatewaySourceCall) => citizen(call)?.population),
    results: vi.fn(async (call: GatewaySourceCall) => citizen(call)?.results ?? business(call)?.results),
    personal: vi.fn(async (call: GatewaySourceCall) => citizen(call)?.personal),
    business: vi.fn(async (call: GatewaySourceCall) => business(call)?.business),
  } satisfies Record<SourceId, unknown>;
}

export type SpiedSources = ReturnType<typeof spiedSources>;

export const lanSession: GatewayAuthorization = {
  subject: { personalId: LAN.personalId },
  actingFor: [{ enterpriseCode: AN_KHANG.enterpriseCode }, { personalId: CHILD.personalId }],
  session: 'session-1',
};

export function makeGateway(options: Partial<PrefillGatewayOptions> & { authorization?: GatewayAuthorization | undefined } = {}) {
  const sources = spiedSources();
  const { authorization: given, ...rest } = options;
  const authorization = 'authorization' in options ? given : lanSession;
  const onError = vi.fn();
  const gateway = createPrefillGateway({
    procedures: SHIPPED_PROCEDURES,
    authorize: () => authorization,
    sources,
    signingKey: KEY,
    kid: KID,
    allowedOrigins: [ORIGIN],
    csrf: { verify: (token) => token === CSRF },
    consent: { personal: true },
    documentTypes: FIXTURE_DOCUMENT_TYPES,
    now: () => NOW,
    onError,
    ...rest,
  });
  const noSourceCalled = () => {
    for (const spy of Object.values(sources)) expect(spy).not.toHaveBeenCalled();
  };
  return { gateway, sources, onError, noSourceCalled };
}

export function post(path: string, body: unknown, headers: Record<string, string | undefined> = {}): Request {
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries({ origin: ORIGIN, 'x-csrf-token': CSRF, 'content-type': 'application/json', ...headers })) if (value !== undefined) all[name] = value;
  return new Request(`${BASE}/${path}`, { method: 'POST', headers: all, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export const query = (code: string, attributes: string[], extra: Record<string, unknown> = {}) => ({ protocol: 1, procedure: { code, version: '2026.1' }, attributes, ...extra });

/** Sends a request, checks the answer against its schema, returns status and body. */
export async function send(gateway: (request: Request) => Promise<Response>, request: Request): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await gateway(request);
  const text = await response.text();
  const body = text === '' ? undefined : JSON.parse(text);
  if (response.status === 200 && request.method === 'POST') expectValidMessage('answer', body);
  else if (response.status === 201) expectValidMessage('consent', body);
  else if (response.status >= 400) expectValidMessage('error', body);
  return { status: response.status, body, headers: response.headers };
}
