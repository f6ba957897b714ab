/**
 * JSON Schemas (draft 2020-12) of every protocol v1 message. The one source of
 * `docs/protocol/*.schema.json` (`scripts/generate-protocol-schemas.ts` writes them; a test
 * keeps the files equal) and of the gateway's own checks of what it receives.
 */
import { ID_PATTERN, PROCEDURE_CODE_PATTERN } from '../schema/format-constants.js';
import { SOURCE_KINDS } from '../shared/protocol.js';

type Schema = Record<string, unknown>;

const BASE = 'https://oncefill.dev/protocol/v1/';
const source = (p: RegExp) => p.source;

/** A catalogue attribute id (a base id, no dotted parts). */
export const ATTRIBUTE_ID_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/;
export const PERSONAL_ID_PATTERN = /^\d{12}$/;
export const ENTERPRISE_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const VERSION_PATTERN = /^\d{1,4}(\.\d{1,4}){0,2}$/;
/** ISO date-time with a zone, as `expiresAt` and `until` carry it. */
const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';
/** A calendar date (`2001-05-09`, `2001-05`, `2001`) or a date-time. */
const DATE_OR_TIME = '^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$';

const protocol = { const: 1, description: 'Protocol version.' };
const sourceId = { enum: [...SOURCE_KINDS], description: 'The source kind.' };
const procedureRef = {
  type: 'object',
  description: 'The purpose: the procedure and the version of its definition.',
  properties: {
    code: { type: 'string', pattern: source(PROCEDURE_CODE_PATTERN) },
    version: { type: 'string', pattern: source(VERSION_PATTERN) },
  },
  required: ['code', 'version'],
  additionalProperties: false,
};
const attributes = {
  type: 'array',
  description: 'Catalogue attribute ids of this source that the form uses.',
  items: { type: 'string', pattern: source(ATTRIBUTE_ID_PATTERN) },
  minItems: 1,
  maxItems: 64,
  uniqueItems: true,
};
const actingFor = {
  description: 'Whom the logged-in person asks to act for: an enterprise, or a person they represent.',
  oneOf: [
    { type: 'object', properties: { enterpriseCode: { type: 'string', pattern: source(ENTERPRISE_CODE_PATTERN) } }, required: ['enterpriseCode'], additionalProperties: false },
    { type: 'object', properties: { personalId: { type: 'string', pattern: source(PERSONAL_ID_PATTERN) } }, required: ['personalId'], additionalProperties: false },
  ],
};
const challengeId = { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' };

/** Body of `POST {baseUrl}/{sourceId}`. */
export const sourceQuerySchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}source-query.schema.json`,
  title: 'SourceQuery',
  description: 'Body of POST {baseUrl}/{sourceId}: the attributes a form wants from one source, for one procedure. Idempotent.',
  type: 'object',
  properties: {
    protocol,
    procedure: procedureRef,
    attributes,
    actingFor,
    consentToken: { type: 'string', minLength: 1, maxLength: 256, description: 'Token from the consent endpoint.' },
    challenge: {
      type: 'object',
      description: 'The answer to a challenge-required error.',
      properties: { id: challengeId, code: { type: 'string', pattern: '^[A-Za-z0-9]{1,16}$' } },
      required: ['id', 'code'],
      additionalProperties: false,
    },
  },
  required: ['protocol', 'procedure', 'attributes'],
  additionalProperties: false,
};

const attributeAnswer = {
  type: 'object',
  description: 'One attribute as the source answered it.',
  properties: {
    value: { description: 'The value, in the shape of the attribute type (see src/schema/attribute-types.ts).' },
    candidates: { type: 'array', maxItems: 50, minItems: 1, description: 'Several possible values from one record (an old commune split in 2025).' },
    verification: { enum: ['verified', 'user-provided', 'not-applicable'] },
    lastUpdated: { type: 'string', pattern: DATE_OR_TIME, maxLength: 40 },
    recordId: { type: 'string', minLength: 1, maxLength: 200 },
    unavailable: { const: true },
    invalid: {
      type: 'object',
      properties: { reason: { type: 'string', minLength: 1, maxLength: 100 } },
      required: ['reason'],
      additionalProperties: false,
    },
  },
  required: ['verification'],
  additionalProperties: false,
  not: { required: ['value', 'candidates'] },
};

/** 200 answer to a query. */
export const sourceAnswerSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}source-answer.schema.json`,
  title: 'SourceAnswer',
  description: 'The 200 answer to a query: exactly the attributes asked, the session fingerprint, and one signed provenance statement.',
  type: 'object',
  properties: {
    protocol,
    source: sourceId,
    fingerprint: { type: 'string', minLength: 1, maxLength: 200 },
    attributes: { type: 'object', propertyNames: { type: 'string', pattern: source(ATTRIBUTE_ID_PATTERN) }, additionalProperties: { $ref: '#/$defs/attributeAnswer' }, maxProperties: 64 },
    provenance: { type: 'string', pattern: '^ofp1\\.', maxLength: 1_048_576 },
  },
  required: ['protocol', 'source', 'fingerprint', 'attributes'],
  additionalProperties: false,
  $defs: { attributeAnswer },
};

/** Body of `POST {baseUrl}/consent`. */
export const consentRequestSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}consent-request.schema.json`,
  title: 'ConsentRequest',
  description: 'Body of POST {baseUrl}/consent: the citizen agreed that this source may answer these attributes for this procedure. Not idempotent: never retried automatically.',
  type: 'object',
  properties: { protocol, source: sourceId, procedure: procedureRef, attributes, actingFor },
  required: ['protocol', 'source', 'procedure', 'attributes'],
  additionalProperties: false,
};

/** 201 answer from the consent endpoint. */
export const consentAnswerSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}consent-answer.schema.json`,
  title: 'ConsentAnswer',
  description: 'The 201 answer of the consent endpoint: the token later queries carry, and when it expires.',
  type: 'object',
  properties: {
    protocol,
    token: { type: 'string', minLength: 1, maxLength: 256 },
    expiresAt: { type: 'string', pattern: DATE_TIME },
  },
  required: ['protocol', 'token', 'expiresAt'],
  additionalProperties: false,
};

const ERROR_CODES = ['bad-request', 'unauthorized', 'forbidden', 'not-found', 'no-consent', 'challenge-required', 'rate-limited', 'unavailable-until'];

/** Body of every error answer. */
export const errorSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}error.schema.json`,
  title: 'ProtocolErrorBody',
  description: 'Body of every non-2xx answer. The message is fixed text per case and never carries personal data.',
  type: 'object',
  properties: {
    protocol,
    error: {
      type: 'object',
      properties: {
        code: { enum: ERROR_CODES },
        message: { type: 'string', minLength: 1, maxLength: 200 },
        retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 86_400 },
        until: { type: 'string', pattern: DATE_TIME },
        challenge: {
          type: 'object',
          properties: { id: challengeId, channel: { enum: ['sms', 'email', 'app'] }, expiresAt: { type: 'string', pattern: DATE_TIME } },
          required: ['id', 'channel'],
          additionalProperties: false,
        },
        consent: {
          type: 'object',
          properties: { source: sourceId, attributes },
          required: ['source', 'attributes'],
          additionalProperties: false,
        },
      },
      required: ['code', 'message'],
      additionalProperties: false,
      allOf: [
        { if: { properties: { code: { const: 'challenge-required' } } }, then: { required: ['challenge'] }, else: { not: { required: ['challenge'] } } },
        { if: { properties: { code: { const: 'no-consent' } } }, then: { required: ['consent'] }, else: { not: { required: ['consent'] } } },
        { if: { properties: { code: { enum: ['rate-limited', 'unavailable-until'] } } }, else: { not: { anyOf: [{ required: ['retryAfterSeconds'] }, { required: ['until'] }] } } },
      ],
    },
  },
  required: ['protocol', 'error'],
  additionalProperties: false,
};

const reuseReference = {
  type: 'object',
  description: 'A document the state already holds that stands in for a dossier component (docs/protocol.md §2.7).',
  properties: {
    source: sourceId,
    documentType: { type: 'string', minLength: 1 },
    documentNumber: { type: 'string', minLength: 1 },
    fromNationalStore: { type: 'boolean' },
    resultCode: { type: 'string', minLength: 1 },
    storeRef: { type: 'string', minLength: 1 },
    procedureCode: { type: 'string', minLength: 1 },
    recordId: { type: 'string', minLength: 1 },
  },
  required: ['source', 'documentType', 'documentNumber', 'fromNationalStore'],
  additionalProperties: false,
};

/** The JSON of the hidden `oncefill-envelope` input a form submits (§1.7). */
export const submissionEnvelopeSchema: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${BASE}submission-envelope.schema.json`,
  title: 'SubmissionEnvelope',
  description:
    'Value of the hidden input "oncefill-envelope": the signed statements, where each filled value came from, and the dossier components satisfied by reuse. The values themselves are the form fields.',
  type: 'object',
  properties: {
    v: { const: 1 },
    procedure: procedureRef,
    provenance: { type: 'array', items: { type: 'string', maxLength: 1_048_576 }, maxItems: 64 },
    fields: {
      type: 'object',
      propertyNames: { type: 'string', maxLength: 1000 },
      additionalProperties: {
        type: 'object',
        properties: {
          source: sourceId,
          attribute: { type: 'string', minLength: 1, maxLength: 120 },
          verification: { enum: ['verified', 'user-provided', 'not-applicable'] },
          lastUpdated: { type: 'string', maxLength: 40 },
          recordId: { type: 'string', maxLength: 200 },
          locked: { type: 'boolean' },
          setBy: { enum: ['citizen', 'page', 'oncefill'] },
          edited: { type: 'boolean' },
          disputed: { type: 'object', properties: { reason: { type: 'string', maxLength: 500 } }, required: ['reason'], additionalProperties: false },
        },
        required: ['source', 'attribute', 'verification', 'locked', 'setBy'],
        additionalProperties: false,
      },
    },
    components: { type: 'object', propertyNames: { type: 'string', pattern: source(ID_PATTERN) }, additionalProperties: { $ref: '#/$defs/reuseReference' } },
  },
  required: ['v', 'procedure', 'provenance', 'fields', 'components'],
  additionalProperties: false,
  $defs: { reuseReference },
};

/**
 * Every message schema by file name (`docs/protocol/<name>`).
 * @example
 * new Ajv2020().compile(protocolJsonSchemas['source-answer.schema.json'])
 */
export const protocolJsonSchemas: Readonly<Record<string, Schema>> = {
  'source-query.schema.json': sourceQuerySchema,
  'source-answer.schema.json': sourceAnswerSchema,
  'consent-request.schema.json': consentRequestSchema,
  'consent-answer.schema.json': consentAnswerSchema,
  'error.schema.json': errorSchema,
  'submission-envelope.schema.json': submissionEnvelopeSchema,
};
