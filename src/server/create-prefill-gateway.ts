/**
 * The prefill gateway: the small server every portal puts between oncefill in the browser and
 * the national data-sharing platform. It authenticates against the portal's own session,
 * checks `Origin` and a CSRF header, lets the browser ask only what the procedure uses for
 * the person (or the business or person they may act for) the session names, calls the
 * portal's own connector functions, turns national records into catalogue attributes, and
 * signs what each answer can fill. `docs/protocol.md` Part 1 is the normative text.
 */
import { planQueries } from '../resolve/plan-queries.js';
import { checkProcedure } from '../schema/check-procedure.js';
import { PROCEDURE_CODE_PATTERN } from '../schema/format-constants.js';
import type { Procedure } from '../schema/procedure-format.js';
import { SOURCE_KINDS, type ActingFor, type AttributeAnswer, type ConsentAnswer, type ConsentRequest, type SourceAnswer, type SourceId, type SourceQuery } from '../shared/protocol.js';
import { adaptBusinessRecord } from './adapt-business-record.js';
import { adaptPersonalStore } from './adapt-personal-store.js';
import { adaptPopulationRecord } from './adapt-population.js';
import { adaptResultList } from './adapt-results.js';
import { invalid, notApplicable, unavailable } from './adapt-values.js';
import { answerStatement } from './answer-statement.js';
import { checkConsentToken, createConsentToken, gatewayKey, sessionFingerprint, type ConsentScope } from './consent-token.js';
import { errorResponse, jsonResponse, type ErrorExtras } from './gateway-responses.js';
import { isGatewaySourceError } from './GatewaySourceError.js';
import { compileJsonValidator, sharedAjv } from './json-validator.js';
import { consentRequestSchema, sourceQuerySchema } from './protocol-schemas.js';
import { KID_PATTERN, isPlainObject, keyBytes, type ProvenanceKey, type ProvenanceSubject } from './provenance-format.js';
import { signProvenance } from './sign-provenance.js';

/**
 * Who the portal session says is asking, and for whom they may act.
 * @example
 * const authorization: GatewayAuthorization = { subject: { personalId: s.personalId }, actingFor: [{ enterpriseCode: '0201234567' }], session: s.id }
 */
export interface GatewayAuthorization {
  /** The logged-in person. */
  subject: { personalId: string };
  /** The enterprises and people this person may act for (legal representative, parent, guardian). */
  actingFor?: readonly ActingFor[];
  /** The portal's session id: the fingerprint is a keyed hash of it (stable for one session, new for the next). */
  session?: string;
}

/**
 * What the gateway hands a source function.
 * @example
 * const population: GatewaySource = (call: GatewaySourceCall) => ndxp.congDan(call.subject, call.procedure.code, { signal: call.signal })
 */
export interface GatewaySourceCall {
  source: SourceId;
  /** Whose records to read: the person, or the enterprise or person acted for. */
  subject: ProvenanceSubject;
  /** The logged-in person (the requester, in the national platform's terms). */
  requester: { personalId: string };
  /** The purpose: the procedure and its definition version (`MaThuTuc` for the platform). */
  procedure: { code: string; version: string };
  /** Catalogue attributes asked; the function may fetch the whole record. */
  attributes: readonly string[];
  /** The citizen's answer to a one-time-code challenge this function raised. */
  challenge?: { id: string; code: string };
  /** Aborted when the browser goes away or `sourceTimeoutMs` passes. */
  signal: AbortSignal;
}

/**
 * A portal's connector to one national source: returns the national record as it comes
 * (`null`/`undefined` when there is none), or throws `GatewaySourceError` for a typed answer.
 * @example
 * const business: GatewaySource = ({ subject }) => registry.lookup((subject as { enterpriseCode: string }).enterpriseCode)
 */
export type GatewaySource = (call: GatewaySourceCall) => unknown;

/**
 * The CSRF check: which header carries the token, and whether it belongs to this session.
 * @example
 * const csrf: GatewayCsrfOptions = { header: 'x-csrf-token', verify: (token, request) => token === cookieOf(request, 'csrf') }
 */
export interface GatewayCsrfOptions {
  /** Request header carrying the token. Default `x-csrf-token`. */
  header?: string;
  /** True when the token belongs to this session (double-submit cookie, session-bound token, …). */
  verify: (token: string, request: Request, authorization: GatewayAuthorization) => boolean | Promise<boolean>;
}

/**
 * A consent as the gateway records it (hand it to your audit log).
 * @example
 * onConsent: (record: ConsentRecord) => db.insert('consents', record)
 */
export interface ConsentRecord {
  subject: { personalId: string };
  actingFor?: ActingFor;
  source: SourceId;
  procedure: { code: string; version: string };
  attributes: string[];
  /** ISO date-times. */
  grantedAt: string;
  expiresAt: string;
}

/**
 * Where a failure the browser is not told about happened.
 * @example
 * onError: (error, { stage }: { stage: GatewayErrorStage }) => log.warn('oncefill gateway', stage)
 */
export type GatewayErrorStage = 'authorize' | 'csrf' | 'source' | 'adapter' | 'consent' | 'provenance' | 'internal';

/**
 * Options of {@link createPrefillGateway}.
 * @example
 * const options: PrefillGatewayOptions = { procedures, authorize, sources, signingKey, kid: 'k2026a', allowedOrigins: [origin], csrf }
 */
export interface PrefillGatewayOptions {
  /** Procedure definitions (JSON text, parsed JSON or checked procedures); each is checked at start. */
  procedures: readonly unknown[];
  /** The portal's session check: the logged-in person and whom they may act for, or nothing. */
  authorize: (request: Request) => GatewayAuthorization | null | undefined | Promise<GatewayAuthorization | null | undefined>;
  /** The portal's connectors to the national platform, one per source it offers. */
  sources: Partial<Record<SourceId, GatewaySource>>;
  /** Key of the provenance statements (≥ 32 bytes; bytes or base64url). Consent tokens and fingerprints use keys derived from it. */
  signingKey: ProvenanceKey;
  /** Names the signing key for verifiers. */
  kid: string;
  /** Exact origins (`https://dichvucong.example.gov.vn`) allowed to call the gateway. */
  allowedOrigins: readonly string[];
  csrf: GatewayCsrfOptions;
  /** Where the gateway is mounted (`/api/oncefill`). Without it, routes are matched by their last segments. */
  basePath?: string;
  /** Sources that answer only with the citizen's recorded consent, e.g. `{ personal: true }`. */
  consent?: Partial<Record<SourceId, boolean>>;
  /** Called when a consent is granted, before the token is issued: keep it in your audit log. A throw refuses the consent. */
  onConsent?: (record: ConsentRecord) => void | Promise<void>;
  /** National result/document type codes → catalogue document types, for the stores' documents. */
  documentTypes?: Readonly<Record<string, string>>;
  consentTtlSeconds?: number;
  provenanceTtlSeconds?: number;
  sourceTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Milliseconds since the epoch (tests). */
  now?: () => number;
  /** Failures the browser is not told about (a connector that threw). Never given a field value by the gateway. */
  onError?: (error: unknown, context: { stage: GatewayErrorStage; source?: SourceId }) => void;
}

/**
 * Defaults of {@link createPrefillGateway}.
 * @example
 * createPrefillGateway({ ...options, sourceTimeoutMs: DEFAULT_PREFILL_GATEWAY_OPTIONS.sourceTimeoutMs * 2 })
 */
export const DEFAULT_PREFILL_GATEWAY_OPTIONS = {
  consentTtlSeconds: 3600,
  provenanceTtlSeconds: 24 * 3600,
  sourceTimeoutMs: 7000,
  maxBodyBytes: 65_536,
  csrfHeader: 'x-csrf-token',
  /** Per attribute and per answer, in characters of JSON. */
  maxAttributeChars: 65_536,
  maxAnswerChars: 1_000_000,
} as const;

/**
 * A web-standard handler: `(Request) => Promise<Response>`. Never rejects.
 * @example
 * app.all('/api/oncefill/*', (c) => gateway(c.req.raw)) // Hono
 */
export type PrefillGateway = (request: Request) => Promise<Response>;

interface NormalizedGatewayOptions {
  procedures: Map<string, Procedure>;
  latest: Map<string, { text: string; etag: string }>;
  authorize: PrefillGatewayOptions['authorize'];
  sources: Partial<Record<SourceId, GatewaySource>>;
  key: Uint8Array;
  kid: string;
  consentKey: Uint8Array;
  fingerprintKey: Uint8Array;
  origins: Set<string>;
  csrfHeader: string;
  csrfVerify: GatewayCsrfOptions['verify'];
  basePath?: string;
  consent: Partial<Record<SourceId, boolean>>;
  onConsent?: PrefillGatewayOptions['onConsent'];
  documentTypes: Readonly<Record<string, string>>;
  consentTtlSeconds: number;
  provenanceTtlSeconds: number;
  sourceTimeoutMs: number;
  maxBodyBytes: number;
  now: () => number;
  onError: NonNullable<PrefillGatewayOptions['onError']>;
}

const misuse = (message: string) => new TypeError(`[oncefill] createPrefillGateway: ${message}`);
const positive = (value: unknown, fallback: number, name: string): number => {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw misuse(`${name} must be a positive whole number.`);
  return v;
};

/** Orders definition versions (`2026.1` < `2026.10`). */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function normalizeGatewayOptions(options: PrefillGatewayOptions): NormalizedGatewayOptions {
  if (!isPlainObject(options)) throw misuse('options are required: { procedures, authorize, sources, signingKey, kid, allowedOrigins, csrf }.');
  if (!Array.isArray(options.procedures) || options.procedures.length === 0) throw misuse('procedures must be a non-empty array of definitions.');
  const procedures = new Map<string, Procedure>();
  const latest = new Map<string, { text: string; etag: string; version: string }>();
  options.procedures.forEach((definition, index) => {
    const { procedure, errors } = checkProcedure(definition);
    if (!procedure) {
      const first = errors[0];
      throw misuse(`procedures[${index}] is not a valid definition (${errors.length} problem(s); first: ${first?.path ?? '$'}: ${first?.message ?? 'invalid'}). Run \`npx oncefill check\` on it.`);
    }
    const key = `${procedure.code}@${procedure.version}`;
    if (procedures.has(key)) throw misuse(`procedures[${index}]: ${procedure.code} version ${procedure.version} is given twice.`);
    procedures.set(key, procedure);
    const known = latest.get(procedure.code);
    if (!known || compareVersions(procedure.version, known.version) > 0) {
      const text = JSON.stringify(procedure);
      latest.set(procedure.code, { text, etag: `"${procedure.code}@${procedure.version}-${text.length}"`, version: procedure.version });
    }
  });
  if (typeof options.authorize !== 'function') throw misuse('authorize must be a function (request) => { subject: { personalId }, actingFor?, session? } | undefined.');
  if (!isPlainObject(options.sources)) throw misuse('sources must be an object { population?, results?, personal?, business? } of functions.');
  for (const id of Object.keys(options.sources)) {
    if (!(SOURCE_KINDS as readonly string[]).includes(id)) throw misuse(`sources.${id} is not a source; use population, results, personal or business.`);
    if (typeof options.sources[id as SourceId] !== 'function') throw misuse(`sources.${id} must be a function.`);
  }
  const key = keyBytes(options.signingKey);
  if (!key) throw misuse('signingKey must be at least 32 bytes (a Uint8Array, or base64url text).');
  if (typeof options.kid !== 'string' || !KID_PATTERN.test(options.kid)) throw misuse('kid must be 1–64 characters of A–Z a–z 0–9 _ -.');
  if (!Array.isArray(options.allowedOrigins) || options.allowedOrigins.length === 0 || !options.allowedOrigins.every((o) => typeof o === 'string' && /^https?:\/\/[^/\s]+$/.test(o)))
    throw misuse('allowedOrigins must list the exact origins of your portal pages, e.g. ["https://dichvucong.example.gov.vn"].');
  if (!isPlainObject(options.csrf) || typeof options.csrf.verify !== 'function') throw misuse('csrf must be { header?, verify(token, request, authorization) }.');
  const csrfHeader = (options.csrf.header ?? DEFAULT_PREFILL_GATEWAY_OPTIONS.csrfHeader).toLowerCase();
  if (!/^[a-z0-9-]{1,64}$/.test(csrfHeader)) throw misuse('csrf.header must be a header name.');
  const basePath = options.basePath === undefined ? undefined : options.basePath.replace(/\/+$/, '');
  if (basePath !== undefined && !/^(\/[A-Za-z0-9._~-]+)*$/.test(basePath)) throw misuse('basePath must be a path such as "/api/oncefill".');
  const consent = options.consent ?? {};
  if (!isPlainObject(consent)) throw misuse('consent must be an object such as { personal: true }.');
  return {
    procedures,
    latest,
    authorize: options.authorize,
    sources: { ...options.sources },
    key,
    kid: options.kid,
    consentKey: gatewayKey(key, 'consent'),
    fingerprintKey: gatewayKey(key, 'fingerprint'),
    origins: new Set(options.allowedOrigins),
    csrfHeader,
    csrfVerify: options.csrf.verify,
    ...(basePath !== undefined ? { basePath } : {}),
    consent: { ...consent },
    ...(options.onConsent ? { onConsent: options.onConsent } : {}),
    documentTypes: { ...(options.documentTypes ?? {}) },
    consentTtlSeconds: positive(options.consentTtlSeconds, DEFAULT_PREFILL_GATEWAY_OPTIONS.consentTtlSeconds, 'consentTtlSeconds'),
    provenanceTtlSeconds: positive(options.provenanceTtlSeconds, DEFAULT_PREFILL_GATEWAY_OPTIONS.provenanceTtlSeconds, 'provenanceTtlSeconds'),
    sourceTimeoutMs: positive(options.sourceTimeoutMs, DEFAULT_PREFILL_GATEWAY_OPTIONS.sourceTimeoutMs, 'sourceTimeoutMs'),
    maxBodyBytes: positive(options.maxBodyBytes, DEFAULT_PREFILL_GATEWAY_OPTIONS.maxBodyBytes, 'maxBodyBytes'),
    now: typeof options.now === 'function' ? options.now : Date.now,
    onError: typeof options.onError === 'function' ? options.onError : () => {},
  };
}

/** Fixed messages: nothing from a request, a record or a connector's error is ever echoed. */
const MESSAGES = {
  route: 'no such route',
  method: 'method not allowed on this route',
  queryString: 'the protocol carries nothing in the URL query',
  contentType: 'the body must be application/json',
  body: 'the body is not a protocol v1 message',
  bodySize: 'the body is too large',
  origin: 'origin not allowed',
  session: 'no portal session',
  csrf: 'missing or wrong CSRF token',
  subject: 'the gateway takes the subject from the portal session',
  actingFor: 'the session may not act for this party',
  attribute: 'an attribute is not used by this procedure for this source',
  procedure: 'unknown procedure or version',
  source: 'this gateway does not offer this source',
  consent: 'this source needs the citizen’s consent',
  challenge: 'the source needs a one-time code',
  sourceFailed: 'the national source is unavailable',
  sourceNotFound: 'the national source has no such record',
  sourceForbidden: 'the national source refused',
  rateLimited: 'too many requests',
  internal: 'the gateway failed',
} as const;

const SUBJECT_MEMBERS = new Set(['subject', 'personalId', 'enterpriseCode', 'SoDinhDanh', 'MaSoDoanhNghiep']);

type Handled = Response;

/**
 * Creates the prefill gateway: a web-standard `(Request) => Promise<Response>` handler for
 * `POST {baseUrl}/{sourceId}` (queries, idempotent), `POST {baseUrl}/consent` (not
 * idempotent) and `GET {baseUrl}/procedures/{code}` (the catalogue). Use it from Node's http,
 * Express, Fastify, Hono or any fetch-style server. Refuses to start with an invalid
 * definition or a bad option (a `TypeError` saying what to fix); after that it never throws.
 * A refused request never reaches a source function.
 * @example
 * const gateway = createPrefillGateway({
 *   procedures: [await readFile('procedures/1.004616.json', 'utf8')],
 *   authorize: async (request) => { const s = await session(request); return s && { subject: { personalId: s.personalId }, session: s.id } },
 *   sources: { population: ({ subject, procedure, challenge, signal }) => ndxp.population(subject, procedure, challenge, signal) },
 *   signingKey: process.env.ONCEFILL_KEY!, kid: 'k2026a',
 *   allowedOrigins: ['https://dichvucong.example.gov.vn'],
 *   csrf: { verify: (token, request) => token === csrfCookie(request) },
 * })
 * export default { fetch: gateway } // Bun, Deno, Hono, Cloudflare-style servers
 */
export function createPrefillGateway(options: PrefillGatewayOptions): PrefillGateway {
  const o = normalizeGatewayOptions(options);
  const checkQuery = compileJsonValidator<SourceQuery>(sourceQuerySchema, sharedAjv());
  const checkConsent = compileJsonValidator<ConsentRequest>(consentRequestSchema, sharedAjv());

  const report = (error: unknown, stage: GatewayErrorStage, source?: SourceId) => {
    try {
      o.onError(error, source ? { stage, source } : { stage });
    } catch {
      // A failing hook never changes the answer.
    }
  };

  return async function gateway(request: Request): Promise<Response> {
    let cors: Record<string, string> = {};
    try {
      const origin = request.headers.get('origin');
      if (origin !== null && o.origins.has(origin)) cors = { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
      const url = new URL(request.url);
      const route = routeOf(url.pathname, o.basePath);
      if (!route) return errorResponse('not-found', MESSAGES.route, {}, cors);

      if (request.method === 'OPTIONS') {
        if (!origin || !o.origins.has(origin)) return errorResponse('forbidden', MESSAGES.origin);
        return new Response(null, {
          status: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': route.kind === 'catalogue' ? 'GET' : 'POST',
            'access-control-allow-headers': `content-type, ${o.csrfHeader}`,
            'access-control-max-age': '600',
            vary: 'Origin',
          },
        });
      }
      if (route.kind === 'catalogue') {
        if (request.method !== 'GET') return errorResponse('bad-request', MESSAGES.method, {}, { ...cors, allow: 'GET' });
        return catalogue(route.code, request, cors);
      }
      if (request.method !== 'POST') return errorResponse('bad-request', MESSAGES.method, {}, { ...cors, allow: 'POST' });
      if (url.search !== '') return errorResponse('bad-request', MESSAGES.queryString, {}, cors);
      // Origin first: a foreign page learns nothing, not even whether someone is logged in.
      if (!origin || !o.origins.has(origin)) return errorResponse('forbidden', MESSAGES.origin);

      let authorization: GatewayAuthorization | undefined;
      try {
        authorization = readAuthorization(await o.authorize(request));
      } catch (error) {
        report(error, 'authorize');
        return errorResponse('unavailable-until', MESSAGES.internal, { retryAfterSeconds: 30 }, cors);
      }
      if (!authorization) return errorResponse('unauthorized', MESSAGES.session, {}, cors);

      const token = request.headers.get(o.csrfHeader);
      let csrfOk = false;
      try {
        csrfOk = token !== null && token !== '' && (await o.csrfVerify(token, request, authorization)) === true;
      } catch (error) {
        report(error, 'csrf');
      }
      if (!csrfOk) return errorResponse('forbidden', MESSAGES.csrf, {}, cors);

      const contentType = request.headers.get('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(contentType)) return errorResponse('bad-request', MESSAGES.contentType, {}, cors);
      const text = await readBody(request, o.maxBodyBytes);
      if (text === undefined) return errorResponse('bad-request', MESSAGES.bodySize, {}, cors);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return errorResponse('bad-request', MESSAGES.body, {}, cors);
      }
      if (isPlainObject(body) && Object.keys(body).some((k) => SUBJECT_MEMBERS.has(k))) return errorResponse('forbidden', MESSAGES.subject, {}, cors);

      return route.kind === 'consent' ? await consent(body, authorization, cors) : await query(route.source, body, authorization, request.signal, cors);
    } catch (error) {
      report(error, 'internal');
      return errorResponse('unavailable-until', MESSAGES.internal, { retryAfterSeconds: 30 }, cors);
    }
  };

  function catalogue(code: string, request: Request, cors: Record<string, string>): Response {
    const entry = PROCEDURE_CODE_PATTERN.test(code) ? o.latest.get(code) : undefined;
    if (!entry) return errorResponse('not-found', MESSAGES.procedure, {}, cors);
    const headers = { ...cors, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', etag: entry.etag, vary: 'Origin', 'x-content-type-options': 'nosniff' };
    if (request.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
    return new Response(entry.text, { status: 200, headers });
  }

  /** The procedure, the plan's attributes for this source, and the acting-for check shared by queries and consent. */
  function checkPurpose(
    source: SourceId,
    message: { procedure: { code: string; version: string }; attributes: string[]; actingFor?: ActingFor },
    authorization: GatewayAuthorization,
    cors: Record<string, string>,
  ): { procedure: Procedure } | { refused: Response } {
    const procedure = o.procedures.get(`${message.procedure.code}@${message.procedure.version}`);
    if (!procedure) return { refused: errorResponse('not-found', MESSAGES.procedure, {}, cors) };
    const planned = planQueries(procedure).attributes[source] ?? [];
    if (!message.attributes.every((a) => planned.includes(a))) return { refused: errorResponse('forbidden', MESSAGES.attribute, {}, cors) };
    if (message.actingFor && !(authorization.actingFor ?? []).some((party) => sameParty(party, message.actingFor!)))
      return { refused: errorResponse('forbidden', MESSAGES.actingFor, {}, cors) };
    if (!o.sources[source]) return { refused: errorResponse('not-found', MESSAGES.source, {}, cors) };
    return { procedure };
  }

  async function query(source: SourceId, body: unknown, authorization: GatewayAuthorization, signal: AbortSignal, cors: Record<string, string>): Promise<Handled> {
    const checked = checkQuery(body);
    if (!checked.ok) return errorResponse('bad-request', `${MESSAGES.body} (at ${checked.errors[0]?.path || '/'})`, {}, cors);
    const q = checked.value;
    const purpose = checkPurpose(source, q, authorization, cors);
    if ('refused' in purpose) return purpose.refused;
    const { procedure } = purpose;
    const fingerprint = sessionFingerprint(o.fingerprintKey, authorization.session, authorization.subject);
    const subject = subjectFor(source, authorization, q.actingFor);
    const answer: SourceAnswer = { protocol: 1, source, fingerprint, attributes: {} };
    if (!subject) {
      // A business record exists only for an enterprise the person acts for.
      for (const id of q.attributes) answer.attributes[id] = notApplicable();
      return jsonResponse(200, answer, cors);
    }
    const scope: ConsentScope = { by: authorization.subject, source, procedure: q.procedure, attributes: q.attributes, ...(q.actingFor ? { actingFor: q.actingFor } : {}) };
    const nowSeconds = Math.floor(o.now() / 1000);
    if (o.consent[source] === true && !checkConsentToken(o.consentKey, q.consentToken, scope, nowSeconds))
      return errorResponse('no-consent', MESSAGES.consent, { consent: { source, attributes: q.attributes } }, cors);

    const called = await callSource(source, {
      source,
      subject,
      requester: { personalId: authorization.subject.personalId },
      procedure: { code: q.procedure.code, version: q.procedure.version },
      attributes: q.attributes,
      ...(q.challenge ? { challenge: { id: q.challenge.id, code: q.challenge.code } } : {}),
    }, signal);
    if ('refused' in called) return withCors(called.refused, cors);

    let adapted: Record<string, AttributeAnswer>;
    try {
      adapted = adapt(source, called.record);
    } catch (error) {
      report(error, 'adapter', source);
      adapted = {};
      for (const id of q.attributes) adapted[id] = invalid('adapter-failed');
    }
    let total = 0;
    for (const id of q.attributes) {
      let attribute = Object.hasOwn(adapted, id) ? adapted[id]! : unavailable();
      const size = JSON.stringify(attribute).length;
      if (size > DEFAULT_PREFILL_GATEWAY_OPTIONS.maxAttributeChars) attribute = invalid('too-large');
      else if (total + size > DEFAULT_PREFILL_GATEWAY_OPTIONS.maxAnswerChars) attribute = invalid('answer-too-large');
      else total += size;
      Object.defineProperty(answer.attributes, id, { value: attribute, enumerable: true, writable: true, configurable: true });
    }

    // Sign exactly what the browser will read: the answer after a JSON round trip.
    const wire = JSON.parse(JSON.stringify(answer)) as SourceAnswer;
    try {
      const statement = answerStatement(procedure, wire, vietnamDate(o.now()));
      if (Object.keys(statement.fields).length > 0 || Object.keys(statement.components).length > 0)
        answer.provenance = signProvenance(
          { procedure: { code: procedure.code, version: procedure.version }, subject, fields: statement.fields, components: statement.components },
          { key: o.key, kid: o.kid, ttlSeconds: o.provenanceTtlSeconds, now: o.now() },
        );
    } catch (error) {
      // Without a statement the values still fill the form; the back office sees them unsigned.
      report(error, 'provenance', source);
    }
    return jsonResponse(200, answer, cors);
  }

  async function consent(body: unknown, authorization: GatewayAuthorization, cors: Record<string, string>): Promise<Handled> {
    const checked = checkConsent(body);
    if (!checked.ok) return errorResponse('bad-request', `${MESSAGES.body} (at ${checked.errors[0]?.path || '/'})`, {}, cors);
    const c = checked.value;
    const purpose = checkPurpose(c.source, c, authorization, cors);
    if ('refused' in purpose) return purpose.refused;
    const nowMs = o.now();
    const exp = Math.floor(nowMs / 1000) + o.consentTtlSeconds;
    const scope: ConsentScope = { by: authorization.subject, source: c.source, procedure: c.procedure, attributes: c.attributes, ...(c.actingFor ? { actingFor: c.actingFor } : {}) };
    const expiresAt = new Date(exp * 1000).toISOString();
    if (o.onConsent) {
      const record: ConsentRecord = {
        subject: { personalId: authorization.subject.personalId },
        source: c.source,
        procedure: { code: c.procedure.code, version: c.procedure.version },
        attributes: [...c.attributes],
        grantedAt: new Date(nowMs).toISOString(),
        expiresAt,
        ...(c.actingFor ? { actingFor: c.actingFor } : {}),
      };
      try {
        await o.onConsent(record);
      } catch (error) {
        report(error, 'consent', c.source);
        return errorResponse('unavailable-until', MESSAGES.internal, { retryAfterSeconds: 30 }, cors);
      }
    }
    const answer: ConsentAnswer = { protocol: 1, token: createConsentToken(o.consentKey, scope, exp), expiresAt };
    return jsonResponse(201, answer, cors);
  }

  async function callSource(source: SourceId, call: Omit<GatewaySourceCall, 'signal'>, requestSignal: AbortSignal): Promise<{ record: unknown } | { refused: Response }> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (requestSignal.aborted) abort();
    else requestSignal.addEventListener('abort', abort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        abort();
        resolve('timeout');
      }, o.sourceTimeoutMs);
    });
    try {
      const result = await Promise.race([Promise.resolve().then(() => o.sources[source]!({ ...call, signal: controller.signal })), timeout]);
      if (result === 'timeout') return { refused: errorResponse('unavailable-until', MESSAGES.sourceFailed, { retryAfterSeconds: 5 }) };
      return { record: result };
    } catch (error) {
      return { refused: sourceErrorResponse(error, source) };
    } finally {
      clearTimeout(timer);
      requestSignal.removeEventListener('abort', abort);
    }
  }

  function sourceErrorResponse(error: unknown, source: SourceId): Response {
    if (isGatewaySourceError(error)) {
      const extras: ErrorExtras = {};
      const retry = typeof error.retryAfterSeconds === 'number' && Number.isSafeInteger(error.retryAfterSeconds) && error.retryAfterSeconds >= 0 ? Math.min(error.retryAfterSeconds, 86_400) : undefined;
      switch (error.code) {
        case 'challenge-required': {
          const c = error.challenge;
          if (c && typeof c.id === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(c.id) && ['sms', 'email', 'app'].includes(c.channel)) {
            const challenge: NonNullable<ErrorExtras['challenge']> = { id: c.id, channel: c.channel };
            if (typeof c.expiresAt === 'string' && !Number.isNaN(Date.parse(c.expiresAt))) challenge.expiresAt = new Date(Date.parse(c.expiresAt)).toISOString();
            return errorResponse('challenge-required', MESSAGES.challenge, { challenge });
          }
          break;
        }
        case 'not-found':
          return errorResponse('not-found', MESSAGES.sourceNotFound);
        case 'forbidden':
          return errorResponse('forbidden', MESSAGES.sourceForbidden);
        case 'rate-limited':
          return errorResponse('rate-limited', MESSAGES.rateLimited, { retryAfterSeconds: retry ?? 60 });
        case 'unavailable-until': {
          if (typeof error.until === 'string' && !Number.isNaN(Date.parse(error.until))) extras.until = new Date(Date.parse(error.until)).toISOString();
          extras.retryAfterSeconds = retry ?? 60;
          return errorResponse('unavailable-until', MESSAGES.sourceFailed, extras);
        }
      }
    }
    report(error, 'source', source);
    return errorResponse('unavailable-until', MESSAGES.sourceFailed, { retryAfterSeconds: 30 });
  }

  function adapt(source: SourceId, record: unknown): Record<string, AttributeAnswer> {
    switch (source) {
      case 'population':
        return adaptPopulationRecord(record);
      case 'results':
        return adaptResultList(record, { documentTypes: o.documentTypes });
      case 'personal':
        return adaptPersonalStore(record, { documentTypes: o.documentTypes });
      case 'business':
        return adaptBusinessRecord(record);
    }
  }
}

function withCors(response: Response, cors: Record<string, string>): Response {
  for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  return response;
}

type Route = { kind: 'catalogue'; code: string } | { kind: 'consent' } | { kind: 'query'; source: SourceId };

function routeOf(pathname: string, basePath: string | undefined): Route | undefined {
  let rest = pathname;
  if (basePath !== undefined) {
    if (!pathname.startsWith(`${basePath}/`)) return undefined;
    rest = pathname.slice(basePath.length);
  }
  const segments = rest.split('/').filter((s) => s !== '');
  if (basePath !== undefined && segments.length > 2) return undefined;
  const last = segments[segments.length - 1];
  if (segments.length >= 2 && segments[segments.length - 2] === 'procedures' && last !== undefined) return { kind: 'catalogue', code: decodeURIComponent(last) };
  if (basePath !== undefined && segments.length !== 1) return undefined;
  if (last === 'consent') return { kind: 'consent' };
  if (last !== undefined && (SOURCE_KINDS as readonly string[]).includes(last)) return { kind: 'query', source: last as SourceId };
  return undefined;
}

/** The authorization as the gateway trusts it, or `undefined` for anything else. */
function readAuthorization(value: unknown): GatewayAuthorization | undefined {
  if (!isPlainObject(value) || !isPlainObject(value.subject)) return undefined;
  const personalId = value.subject.personalId;
  if (typeof personalId !== 'string' || personalId === '' || personalId.length > 64) return undefined;
  const parties: ActingFor[] = [];
  if (Array.isArray(value.actingFor)) {
    for (const party of value.actingFor) {
      if (!isPlainObject(party)) continue;
      if (typeof party.enterpriseCode === 'string' && party.enterpriseCode !== '') parties.push({ enterpriseCode: party.enterpriseCode });
      else if (typeof party.personalId === 'string' && party.personalId !== '') parties.push({ personalId: party.personalId });
    }
  }
  const out: GatewayAuthorization = { subject: { personalId }, actingFor: parties };
  if (typeof value.session === 'string' && value.session !== '') out.session = value.session;
  return out;
}

function sameParty(a: ActingFor, b: ActingFor): boolean {
  if ('enterpriseCode' in a && 'enterpriseCode' in b) return a.enterpriseCode === b.enterpriseCode;
  if ('personalId' in a && 'personalId' in b) return a.personalId === b.personalId;
  return false;
}

/**
 * Whose records a source reads: the business registry only an enterprise acted for; the
 * population and results stores the person acted for, else the session's person (the
 * representative's own identity when acting for an enterprise, for the population record);
 * the personal store always the logged-in person's own.
 */
function subjectFor(source: SourceId, authorization: GatewayAuthorization, actingFor: ActingFor | undefined): ProvenanceSubject | undefined {
  const self = { personalId: authorization.subject.personalId };
  switch (source) {
    case 'business':
      return actingFor && 'enterpriseCode' in actingFor ? { enterpriseCode: actingFor.enterpriseCode } : undefined;
    case 'population':
      return actingFor && 'personalId' in actingFor ? { personalId: actingFor.personalId } : self;
    case 'results':
      return actingFor ? ('personalId' in actingFor ? { personalId: actingFor.personalId } : { enterpriseCode: actingFor.enterpriseCode }) : self;
    case 'personal':
      return self;
  }
}

/** The request body as text, or `undefined` if it is larger than `max` bytes or not UTF-8. */
async function readBody(request: Request, max: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The calendar date in Việt Nam (UTC+7, no daylight saving) at `ms`. */
function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
