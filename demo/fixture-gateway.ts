/**
 * The demo's prefill gateway: the real `createPrefillGateway` from `oncefill/server`, answering
 * from `oncefill/testing`'s fictional national records, for whoever the demo session says is
 * logged in. Origin and CSRF are checked as on a real portal (no lenient stand-ins).
 */
import { adaptBusinessRecord, adaptPopulationRecord, createPrefillGateway, GatewaySourceError, type GatewaySource } from 'oncefill/server';
import { FIXTURE_DOCUMENT_TYPES, SHIPPED_PROCEDURES, TEST_KID, TEST_SIGNING_KEY, fixtures } from 'oncefill/testing';

/** The subject forms that the demo session and the gateway share. */
export type Party = { personalId: string } | { enterpriseCode: string };

export interface DemoSession {
  id: string;
  personalId: string;
  /** The enterprise the citizen chose to act for at login, if any. */
  enterpriseCode?: string;
  /** Epoch ms of the login, for `<meta name="oncefill-login-at">`. */
  loginAt: number;
  csrf: string;
}

/** The national sources the demo's gateway asks. */
export type DemoSourceId = 'population' | 'results' | 'personal' | 'business';

/**
 * A fault a test puts on one source: it answers only once `until` settles (the loading state),
 * or it fails as a national platform that is down does.
 */
export type SourceFault = { until: PromiseLike<unknown> } | 'fail';

/** Whom a fixture citizen may act for: enterprises they legally represent, people their record lists as children or represented. */
export function partiesOf(personalId: string): Party[] {
  const parties: Party[] = [];
  for (const business of fixtures.businesses) {
    const reps = adaptBusinessRecord(business.business ?? {}).legalRepresentative;
    const people = (reps?.candidates ?? (reps?.value !== undefined ? [reps.value] : [])) as Array<{ personalId?: string }>;
    if (people.some((p) => p.personalId === personalId)) parties.push({ enterpriseCode: business.enterpriseCode });
  }
  const citizen = fixtures.citizens.find((c) => c.personalId === personalId);
  const record = citizen?.population ? adaptPopulationRecord(citizen.population) : {};
  for (const attribute of ['children', 'represented'] as const) {
    const list = record[attribute]?.value;
    if (Array.isArray(list)) for (const person of list as Array<{ personalId?: string }>) if (typeof person.personalId === 'string') parties.push({ personalId: person.personalId });
  }
  return parties;
}

/** The gateway handler, mounted at `basePath`, for pages served from `origins`. */
export function fixtureGateway(options: {
  basePath: string;
  origins: string[];
  sessionOf: (request: Request) => DemoSession | undefined;
  faults?: Partial<Record<DemoSourceId, SourceFault>>;
}) {
  const challenges = new Map<string, string>();
  let issued = 0;
  const citizenOf = (subject: Party) => ('personalId' in subject ? fixtures.citizens.find((c) => c.personalId === subject.personalId) : undefined);
  const businessOf = (subject: Party) => ('enterpriseCode' in subject ? fixtures.businesses.find((b) => b.enterpriseCode === subject.enterpriseCode) : undefined);
  const sources: Record<DemoSourceId, GatewaySource> = {
    population: ({ subject, challenge }) => {
      const citizen = citizenOf(subject as Party);
      if (!citizen) return undefined;
      if (citizen.otp !== undefined && (!challenge || challenges.get(challenge.id) !== citizen.personalId || challenge.code !== citizen.otp)) {
        const id = `otp-${++issued}`;
        challenges.set(id, citizen.personalId);
        throw new GatewaySourceError('challenge-required', { challenge: { id, channel: 'sms' } });
      }
      return citizen.population;
    },
    results: ({ subject }) => citizenOf(subject as Party)?.results ?? businessOf(subject as Party)?.results,
    personal: ({ subject }) => citizenOf(subject as Party)?.personal,
    business: ({ subject }) => businessOf(subject as Party)?.business,
  };
  for (const [id, fault] of Object.entries(options.faults ?? {}) as Array<[DemoSourceId, SourceFault]>) {
    const answer = sources[id];
    sources[id] =
      fault === 'fail'
        ? () => {
            throw new GatewaySourceError('unavailable-until');
          }
        : async (call) => {
            await fault.until;
            return answer(call);
          };
  }
  return createPrefillGateway({
    procedures: SHIPPED_PROCEDURES as unknown[],
    basePath: options.basePath,
    authorize: (request) => {
      const session = options.sessionOf(request);
      return session && { subject: { personalId: session.personalId }, actingFor: partiesOf(session.personalId), session: session.id };
    },
    sources,
    // The fixtures' test key: this gateway serves invented people only.
    signingKey: TEST_SIGNING_KEY,
    kid: TEST_KID,
    allowedOrigins: options.origins,
    csrf: { verify: (token, request) => token === options.sessionOf(request)?.csrf },
    consent: { personal: true },
    documentTypes: FIXTURE_DOCUMENT_TYPES,
  });
}
