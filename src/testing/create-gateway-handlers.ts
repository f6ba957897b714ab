/**
 * msw handlers that run the real `createPrefillGateway` over the fictional fixtures, so a
 * portal's tests (and ours) exercise the real protocol, adapters, consent, challenges and
 * provenance without a national platform. Imports only `msw` (not `msw/node`): the handlers
 * go to `setupServer` in Node today and can go to `setupWorker` later.
 */
import { delay, http, type HttpHandler } from 'msw';
import procedure1000028 from '../../procedures/1.000028.json';
import procedure1004616 from '../../procedures/1.004616.json';
import procedure1005092 from '../../procedures/1.005092.json';
import procedure2000535 from '../../procedures/2.000535.json';
import procedure2000645 from '../../procedures/2.000645.json';
import procedure2000648 from '../../procedures/2.000648.json';
import { adaptBusinessRecord } from '../server/adapt-business-record.js';
import { adaptPopulationRecord } from '../server/adapt-population.js';
import { createPrefillGateway, type GatewayAuthorization, type GatewaySource, type PrefillGatewayOptions } from '../server/create-prefill-gateway.js';
import { GatewaySourceError } from '../server/GatewaySourceError.js';
import type { ProvenanceSubject } from '../server/provenance-format.js';
import type { ActingFor, SourceId } from '../shared/protocol.js';
import { FIXTURE_DOCUMENT_TYPES, fixtures as defaultFixtures, type CitizenFixture, type GatewayFixtures } from './fixtures.js';

/**
 * The six shipped definitions (`procedures/*.json`), which the kit's gateway serves by default.
 * @example
 * const procedure = parseProcedure(SHIPPED_PROCEDURES.find((p) => p.code === '1.004616'))
 */
export const SHIPPED_PROCEDURES: readonly unknown[] = [procedure1000028, procedure1004616, procedure1005092, procedure2000535, procedure2000645, procedure2000648];

/**
 * The kit's signing key (base64url of 32 fixed bytes). A test key: never use it anywhere else.
 * @example
 * subjectHash(TEST_SIGNING_KEY, { personalId: fixtures.citizens[0].personalId })
 */
export const TEST_SIGNING_KEY = 'b25jZWZpbGwtdGVzdC1rZXktMDAwMDAwMDAwMDAwMDA';
/**
 * The kid of {@link TEST_SIGNING_KEY}.
 * @example
 * token.startsWith(`ofp1.${TEST_KID}.`) // true for what the kit signs
 */
export const TEST_KID = 'oncefill-test';
/**
 * `verifyProvenance(procedure, submission, testProvenanceKeys)` checks what the kit signed.
 * @example
 * verifyProvenance(procedure, { values, provenance: result.provenance, subjects }, testProvenanceKeys).ok
 */
export const testProvenanceKeys: Readonly<Record<string, string>> = Object.freeze({ [TEST_KID]: TEST_SIGNING_KEY });
/**
 * The CSRF token strict handlers expect in `x-csrf-token`.
 * @example
 * createGatewaySources({ baseUrl, headers: { 'x-csrf-token': TEST_CSRF_TOKEN } })
 */
export const TEST_CSRF_TOKEN = 'oncefill-test-csrf';

/**
 * Options of {@link createGatewayHandlers}.
 * @example
 * const options: GatewayHandlersOptions = { baseUrl: 'https://portal.example/api/oncefill', session: fixtures.citizens[1].personalId, strict: true }
 */
export interface GatewayHandlersOptions {
  /** Where the gateway is mounted, e.g. `https://portal.example/api/oncefill` (absolute in Node). */
  baseUrl: string;
  /** Personal ID of the logged-in citizen (default: the first citizen's); `null`: nobody is logged in. */
  session?: string | null;
  /** Check `Origin` and the CSRF header as a real portal does (default false: Node tests send neither). */
  strict?: boolean;
  /** Added before every answer. */
  latencyMs?: number;
  /** Records to serve instead of the shipped fixtures (same shape). */
  fixtures?: GatewayFixtures;
  /** Definitions to serve (default: the six shipped ones). */
  procedures?: readonly unknown[];
  /** Sources that need consent (default `{ personal: true }`). */
  consent?: Partial<Record<SourceId, boolean>>;
  /** The page origin strict handlers accept (default: the origin of `baseUrl`). */
  origin?: string;
  /** Milliseconds since the epoch, for deterministic provenance in tests. */
  now?: () => number;
}

const sameId = (a: unknown, b: string) => typeof a === 'string' && a === b;

/** Whom a fixture citizen may act for: enterprises whose legal representative they are, and people their record lists as children or represented. */
function actingForOf(citizen: CitizenFixture | undefined, data: GatewayFixtures): ActingFor[] {
  if (!citizen) return [];
  const parties: ActingFor[] = [];
  for (const business of data.businesses) {
    const reps = adaptBusinessRecord(business.business).legalRepresentative;
    const people = (reps?.candidates ?? (reps?.value !== undefined ? [reps.value] : [])) as Array<{ personalId?: string }>;
    if (people.some((p) => sameId(p.personalId, citizen.personalId))) parties.push({ enterpriseCode: business.enterpriseCode });
  }
  const record = adaptPopulationRecord(citizen.population);
  for (const attribute of ['children', 'represented'] as const) {
    const list = record[attribute]?.value;
    if (Array.isArray(list)) for (const person of list as Array<{ personalId?: string }>) if (typeof person.personalId === 'string') parties.push({ personalId: person.personalId });
  }
  return parties;
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * msw handlers answering `{baseUrl}/*` with the real prefill gateway over the fixtures: the
 * session's citizen is the subject, `citizens[0]` may act for `businesses[0]` and her child,
 * the personal store needs consent, `citizens[1]`'s population lookup asks for a one-time
 * code. Lenient by default (no `Origin` or CSRF header needed); `strict: true` checks both
 * (`Origin` = the origin of `baseUrl`, `x-csrf-token` = {@link TEST_CSRF_TOKEN}).
 * @example
 * const server = setupServer(...createGatewayHandlers({ baseUrl: 'https://portal.example/api/oncefill' }))
 * server.listen({ onUnhandledRequest: 'error' })
 * const result = await resolvePrefill(procedure, { sources: createGatewaySources({ baseUrl: 'https://portal.example/api/oncefill' }), consent: () => true })
 */
export function createGatewayHandlers(options: GatewayHandlersOptions): HttpHandler[] {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '')
    throw new TypeError('[oncefill] createGatewayHandlers needs { baseUrl }, e.g. https://portal.example/api/oncefill');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const data = options.fixtures ?? defaultFixtures;
  const session = options.session === undefined ? data.citizens[0]?.personalId ?? null : options.session;
  let origin = options.origin;
  if (origin === undefined) {
    try {
      origin = new URL(baseUrl, (globalThis as { location?: { href: string } }).location?.href).origin;
    } catch {
      throw new TypeError('[oncefill] createGatewayHandlers needs an absolute baseUrl in Node (https://portal.example/api/oncefill), or { origin }.');
    }
  }
  const sessionId = randomId();
  /** One-time-code challenges issued by this set of handlers: id → the person it was sent for. */
  const challenges = new Map<string, string>();
  let issued = 0;

  const citizenOf = (subject: ProvenanceSubject) => ('personalId' in subject ? data.citizens.find((c) => c.personalId === subject.personalId) : undefined);
  const businessOf = (subject: ProvenanceSubject) => ('enterpriseCode' in subject ? data.businesses.find((b) => b.enterpriseCode === subject.enterpriseCode) : undefined);

  const challenge = (personalId: string) => {
    const id = `otp-${++issued}-${sessionId.slice(0, 8)}`;
    challenges.set(id, personalId);
    return new GatewaySourceError('challenge-required', { challenge: { id, channel: 'sms' } });
  };

  const sources: Record<SourceId, GatewaySource> = {
    population: ({ subject, challenge: answer }) => {
      const citizen = citizenOf(subject);
      if (!citizen) return undefined;
      if (citizen.otp !== undefined) {
        // The platform's "00" (a code is needed) and "01" (wrong code) both ask again.
        if (!answer || challenges.get(answer.id) !== citizen.personalId || answer.code !== citizen.otp) throw challenge(citizen.personalId);
      }
      return citizen.population;
    },
    results: ({ subject }) => citizenOf(subject)?.results ?? businessOf(subject)?.results,
    personal: ({ subject }) => citizenOf(subject)?.personal,
    business: ({ subject }) => businessOf(subject)?.business,
  };

  const gatewayOptions: PrefillGatewayOptions = {
    procedures: options.procedures ?? SHIPPED_PROCEDURES,
    authorize: (): GatewayAuthorization | undefined =>
      session === null ? undefined : { subject: { personalId: session }, actingFor: actingForOf(data.citizens.find((c) => c.personalId === session), data), session: sessionId },
    sources,
    signingKey: TEST_SIGNING_KEY,
    kid: TEST_KID,
    allowedOrigins: [origin!],
    csrf: { verify: (token) => token === TEST_CSRF_TOKEN },
    consent: options.consent ?? { personal: true },
    documentTypes: FIXTURE_DOCUMENT_TYPES,
  };
  if (options.now) gatewayOptions.now = options.now;
  const gateway = createPrefillGateway(gatewayOptions);

  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      if (options.latencyMs !== undefined && options.latencyMs > 0) await delay(options.latencyMs);
      if (options.strict === true) return gateway(request);
      // Lenient: stand in for the page's Origin and the portal's CSRF token, as a browser on the portal would send them.
      const headers = new Headers(request.headers);
      headers.set('origin', origin!);
      headers.set('x-csrf-token', TEST_CSRF_TOKEN);
      return gateway(new Request(request, { headers }));
    }),
  ];
}
