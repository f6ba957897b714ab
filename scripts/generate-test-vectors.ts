/**
 * Writes `docs/test-vectors/provenance.json`: the provenance envelope's test vectors, for
 * verifiers in other languages (docs/protocol.md explains every entry). Deterministic: fixed
 * keys, times and nonces. Each verification case states by hand what it must report; the
 * script refuses to write a report that disagrees. A test checks the committed file equals a
 * fresh generation.
 *
 *   npx tsx scripts/generate-test-vectors.ts          # write the file
 *   npx tsx scripts/generate-test-vectors.ts --print  # print it instead
 *
 * All people, businesses and documents here are invented.
 */
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../src/server/canonical-json.js';
import { hashValue } from '../src/server/hash-value.js';
import { KEY_LABELS, PROVENANCE_LIMITS, DEFAULT_PROVENANCE_OPTIONS } from '../src/server/provenance-format.js';
import { signProvenance, type ProvenanceStatement } from '../src/server/sign-provenance.js';
import { subjectHash } from '../src/server/subject-hash.js';
import { verifyProvenance, type ProvenanceReport, type ProvenanceSubmission } from '../src/server/verify-provenance.js';

export const VECTORS_FILE = fileURLToPath(new URL('../docs/test-vectors/provenance.json', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Canonicalization vectors of our own (the RFC 8785 ones live in shared/data/jcs-testdata).
// Inputs are JSON text with \u escapes, so no editor can normalize them on the way.

const CANONICALIZATION: Array<{ name: string; about: string; input: string }> = [
  { name: 'vietnamese-nfc', about: 'Precomposed (NFC) Vietnamese: ễ is U+1EC5, written as UTF-8, never escaped.', input: '{"fullName":"Nguy\\u1ec5n V\\u0103n An"}' },
  {
    name: 'vietnamese-nfd',
    about: 'The same name decomposed (NFD): e + U+0302 + U+0303. No normalization: different bytes, different hash.',
    input: '{"fullName":"Nguye\\u0302\\u0303n Va\\u0306n An"}',
  },
  { name: 'tone-mark-placement', about: 'Hòa (o + U+00F2 + a) and Hoà (o + a + U+00E0) are both NFC and stay different.', input: '["Ho\\u00f2a","Hoa\\u00e0"]' },
  {
    name: 'numbers',
    about: 'ECMAScript Number::toString: -0 → 0, 1e21 → 1e+21, 1e-7 → 1e-7, integers beyond 2^53 rounded to the nearest double.',
    input: '[1e21,1e20,-0,-0.0,0.1,1E2,100.50,0.000001,1e-7,0.30000000000000004,123456789012345678901,9007199254740993,5e-324,1.7976931348623157e308,-1.5e-10,12345678901234567890]',
  },
  { name: 'escapes', about: 'Only " \\ and U+0000–U+001F are escaped (\\b \\t \\n \\f \\r, else \\u00xx lower-case); / and U+007F are not.', input: '"\\u0000\\u001f\\u007f\\b\\t\\n\\f\\r\\"\\\\\\/\\u00e9"' },
  {
    name: 'key-order-utf16',
    about: 'Keys sort by UTF-16 code units: U+10000 (\\ud800\\udc00) sorts before U+FFFF, unlike code point order.',
    input: '{"\\uffff":1,"\\ud800\\udc00":2,"z":3,"\\u00e9":4,"Z":5,"":6,"a":{"b":[],"a":{}}}',
  },
  { name: 'literals-and-nesting', about: 'Whitespace dropped; empty array and object; literals as is.', input: ' { "b" : [ true , false , null , [ ] , { } ] , "a" : "" } ' },
  { name: 'depth-64', about: '64 nested arrays: the outermost is level 1, so this is exactly the limit and is accepted (scalars add no level).', input: `${'['.repeat(63)}[1]${']'.repeat(63)}` },
];

const REJECTED: Array<{ name: string; about: string; input: string }> = [
  { name: 'lone-high-surrogate', about: 'I-JSON forbids lone surrogates: canonicalization refuses.', input: '"\\ud800"' },
  { name: 'lone-low-surrogate-in-key', about: 'Also in a key.', input: '{"\\udc00":1}' },
  { name: 'depth-65', about: '65 nested arrays: one level over the limit of 64.', input: `${'['.repeat(64)}[1]${']'.repeat(64)}` },
  { name: 'number-out-of-range', about: '1e400 reads as Infinity (IEEE rounding), which JSON cannot carry.', input: '[1e400]' },
];

// ---------------------------------------------------------------------------------------------
// Keys: obviously fake, never use them anywhere.

const KEYS = {
  k2025a: Uint8Array.from({ length: 32 }, (_, i) => i),
  k2026b: Uint8Array.from({ length: 32 }, (_, i) => 0xa0 + i),
};
type Kid = keyof typeof KEYS;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const derive = (kid: Kid, label: string) => createHmac('sha256', KEYS[kid]).update(label, 'ascii').digest();

// ---------------------------------------------------------------------------------------------
// The scenario: a pharmacist applies for a practice certificate (1.004616) for herself and on
// behalf of the business she represents.

const PROCEDURE = { code: '1.004616', version: '2025.1' };
const PERSON = { personalId: '001190012345' };
const NAME = 'Nguyễn Thị Lan'.normalize('NFC');
const BUSINESS = { enterpriseCode: '0101234567' };
const OTHER_PERSON = { personalId: '001190054321' };

const IAT = 1_767_225_600; // 2026-01-01T00:00:00Z
const TTL = DEFAULT_PROVENANCE_OPTIONS.ttlSeconds;
const LEEWAY = DEFAULT_PROVENANCE_OPTIONS.leewaySeconds;
const EXP = IAT + TTL;
const NOW = IAT + 900;

const hoanKiem = {
  detail: 'Số 12 phố Hàng Bạc',
  wardCode: '00070',
  wardName: 'Phường Hoàn Kiếm',
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
  dataset: '2025-07-01',
};
// The old Phường Cửa Đông was split: the record's current address may now be in either ward.
const cuaDongAsHoanKiem = { ...hoanKiem, detail: 'Số 5 phố Cửa Đông' };
const cuaDongAsBaDinh = { ...cuaDongAsHoanKiem, wardCode: '00004', wardName: 'Phường Ba Đình' };

const diploma = {
  source: 'results' as const,
  documentType: 'diploma',
  documentNumber: 'B0123456',
  resultCode: 'KQ.1.005092.2012.000123',
  storeRef: 'KHO.0001.2012.000123',
  procedureCode: '1.005092',
  fromNationalStore: true,
  recordId: 'kq-88412',
};
const secondDiploma = { ...diploma, documentNumber: 'C0654321', resultCode: 'KQ.1.005092.2016.000456', storeRef: 'KHO.0001.2016.000456', recordId: 'kq-91007' };

const STATEMENTS: Array<{ name: string; kid: Kid; nonce: string; about: string; statement: ProvenanceStatement }> = [
  {
    name: 'population',
    kid: 'k2025a',
    nonce: 'cG9wdWxhdGlvbi0wMDAx',
    about: 'The population source: locked verified identity fields, an unlocked user-provided phone, an address with two candidates.',
    statement: {
      procedure: PROCEDURE,
      subject: PERSON,
      fields: {
        fullName: { values: [NAME], source: 'population', attribute: 'fullName', recordId: 'dc-5521', verification: 'verified', locked: true },
        birthDate: { values: ['1990-05-09'], source: 'population', attribute: 'birthDate', recordId: 'dc-5521', verification: 'verified', locked: true },
        personalId: { values: ['001190012345'], source: 'population', attribute: 'personalId', recordId: 'dc-5521', verification: 'verified', locked: true },
        permanentAddress: { values: [hoanKiem], source: 'population', attribute: 'permanentAddress', recordId: 'ct-7730', verification: 'verified', locked: true },
        currentAddress: { values: [cuaDongAsHoanKiem, cuaDongAsBaDinh], source: 'population', attribute: 'currentAddress', recordId: 'ct-7730', verification: 'verified' },
        phone: { values: ['0912345678'], source: 'population', attribute: 'phone', verification: 'user-provided' },
      },
    },
  },
  {
    name: 'results',
    kid: 'k2025a',
    nonce: 'cmVzdWx0cy0wMDAwMDAwMDAy',
    about: 'The national results store: a diploma fills a repeated group row, and two diplomas can stand in for the diploma copy.',
    statement: {
      procedure: PROCEDURE,
      subject: PERSON,
      fields: {
        'diplomas[0].number': { values: ['B0123456'], source: 'results', attribute: 'diploma.number', recordId: 'kq-88412', verification: 'verified', locked: true },
        'diplomas[0].title': { values: ['Bằng Dược sĩ đại học'], source: 'results', attribute: 'diploma.title', recordId: 'kq-88412', verification: 'verified', locked: true },
      },
      components: { diplomaCopy: [diploma, secondDiploma] },
    },
  },
  {
    name: 'business',
    kid: 'k2026b',
    nonce: 'YnVzaW5lc3MtMDAwMDAwMDM',
    about: 'The business registry, about the enterprise she acts for, signed with the newer key (a rotation).',
    statement: {
      procedure: PROCEDURE,
      subject: BUSINESS,
      fields: {
        employerName: { values: ['Công ty TNHH Dược phẩm An Khang'], source: 'business', attribute: 'name', recordId: 'dkkd-0101234567', verification: 'verified', locked: true },
        employerCode: { values: ['0101234567'], source: 'business', attribute: 'enterpriseCode', recordId: 'dkkd-0101234567', verification: 'verified', locked: true },
      },
    },
  },
];

STATEMENTS.push({
  name: 'second-opinion',
  kid: 'k2025a',
  nonce: 'c2Vjb25kLW9waW5pb24tMDAwNA',
  about: 'A second statement about the same person and procedure that covers fields and a component the others cover too: fullName (same value, unlocked), phone (another value, locked), the diploma copy (the second diploma only).',
  statement: {
    procedure: PROCEDURE,
    subject: PERSON,
    fields: {
      fullName: { values: [NAME], source: 'population', attribute: 'fullName', verification: 'verified', locked: false },
      phone: { values: ['0977000111'], source: 'population', attribute: 'phone', recordId: 'dc-5521', verification: 'verified', locked: true },
    },
    components: { diplomaCopy: [secondDiploma] },
  },
});

const sign = (name: string, overrides: { procedure?: typeof PROCEDURE; subject?: ProvenanceStatement['subject']; now?: number } = {}) => {
  const s = STATEMENTS.find((entry) => entry.name === name)!;
  return signProvenance(
    { ...s.statement, procedure: overrides.procedure ?? s.statement.procedure, subject: overrides.subject ?? s.statement.subject },
    { key: KEYS[s.kid], kid: s.kid, now: (overrides.now ?? IAT) * 1000, nonce: s.nonce, ttlSeconds: TTL },
  );
};

/** A token over any payload (text or bytes), MACed by hand (for payloads the signer would refuse). */
const macToken = (kid: Kid, payload: string | Uint8Array) => {
  const head = `ofp1.${kid}.${b64u(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload)}`;
  return `${head}.${b64u(createHmac('sha256', KEYS[kid]).update(head, 'ascii').digest())}`;
};

/** Puts `char` at `index` of a token segment. */
const withChar = (token: string, segment: number, index: number, char: string) => {
  const parts = token.split('.');
  const text = parts[segment]!;
  parts[segment] = text.slice(0, index) + char + text.slice(index + 1);
  return parts.join('.');
};
/** Replaces the character at `index` of a token segment with another base64url character. */
const flip = (token: string, segment: number, index: number) =>
  withChar(token, segment, index, token.split('.')[segment]![index] === 'A' ? 'B' : 'A');

const population = sign('population');
const results = sign('results');
const business = sign('business');
const secondOpinion = sign('second-opinion');

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The same bytes, another text: sets an unused low bit of a segment's last character (strict base64url rule 3). */
const nonCanonicalTail = (token: string, segment: number) => {
  const text = token.split('.')[segment]!;
  const unused = [0, 0, 4, 2][text.length % 4]!; // unused low bits of the last character
  if (unused === 0) throw new Error(`segment ${segment} has no unused bits`);
  const index = B64URL.indexOf(text[text.length - 1]!);
  return withChar(token, segment, text.length - 1, B64URL[index | 1]!);
};

const honestValues = {
  fullName: NAME,
  birthDate: '1990-05-09',
  personalId: '001190012345',
  permanentAddress: hoanKiem,
  currentAddress: cuaDongAsBaDinh,
  phone: '0912345678',
  email: 'lan.nguyen@example.vn',
  'diplomas[0].number': 'B0123456',
  'diplomas[0].title': 'Bằng Dược sĩ đại học',
  employerName: 'Công ty TNHH Dược phẩm An Khang',
  employerCode: '0101234567',
};
const honest: ProvenanceSubmission = {
  values: honestValues,
  components: { diplomaCopy: diploma },
  provenance: [population, results, business],
  subjects: [PERSON, BUSINESS],
};

/** The population statement's payload with one change, MACed by hand. */
const populationPayload = () => JSON.parse(canonicalJson(decodePayload(population))) as Record<string, unknown> & { fields: Record<string, Record<string, unknown>> };
function decodePayload(token: string): unknown {
  return JSON.parse(Buffer.from(token.split('.')[2]!, 'base64url').toString('utf8'));
}

type Status = string;
interface Case {
  name: string;
  about: string;
  procedure?: typeof PROCEDURE;
  nowSeconds?: number;
  keys?: Kid[];
  submission: unknown;
  /** What the report must say, written by hand: problems in order, and the statuses that matter. */
  expect: {
    problems: Array<{ code: string; statement?: number; path?: string; component?: string }>;
    statements?: Status[];
    fields?: Record<string, Status>;
    components?: Record<string, Status>;
  };
}

const CASES: Case[] = [
  {
    name: 'worked-example',
    about: 'The example of docs/protocol.md: one statement, two signed values and one the citizen typed.',
    submission: {
      values: { employerCode: '0101234567', employerName: 'Công ty TNHH Dược phẩm An Khang', employerPhone: '02439998888' },
      provenance: [business],
      subjects: [PERSON, BUSINESS],
    },
    expect: { problems: [], fields: { employerCode: 'verified', employerName: 'verified', employerPhone: 'unsigned' } },
  },
  {
    name: 'worked-example-altered',
    about: 'The example of docs/protocol.md with the locked enterprise code changed.',
    submission: {
      values: { employerCode: '0101234568', employerName: 'Công ty TNHH Dược phẩm An Khang', employerPhone: '02439998888' },
      provenance: [business],
      subjects: [PERSON, BUSINESS],
    },
    expect: { problems: [{ code: 'altered-locked-value', path: 'employerCode' }], fields: { employerCode: 'altered' } },
  },
  {
    name: 'ok',
    about: 'Every prefilled value as signed, a diploma reused, an e-mail the citizen typed (unsigned), three statements under two keys.',
    submission: honest,
    expect: {
      problems: [],
      statements: ['valid', 'valid', 'valid'],
      fields: { fullName: 'verified', currentAddress: 'verified', email: 'unsigned', employerCode: 'verified', 'diplomas[0].number': 'verified' },
      components: { diplomaCopy: 'verified' },
    },
  },
  {
    name: 'ok-unlocked-field-edited',
    about: 'The citizen changed the phone, which was not locked: reported altered, not a problem.',
    submission: { ...honest, values: { ...honestValues, phone: '0987654321' } },
    expect: { problems: [], fields: { phone: 'altered' } },
  },
  {
    name: 'ok-within-leeway-after-expiry',
    about: 'One second before exp + leeway: still valid.',
    nowSeconds: EXP + LEEWAY - 1,
    submission: honest,
    expect: { problems: [], statements: ['valid', 'valid', 'valid'] },
  },
  {
    name: 'ok-no-statements',
    about: 'No provenance at all: every value is the citizen’s declaration; nothing to report.',
    submission: { values: { fullName: NAME }, provenance: [], subjects: [PERSON] },
    expect: { problems: [], fields: { fullName: 'unsigned' } },
  },
  {
    name: 'altered-locked-value',
    about: 'A locked name changed.',
    submission: { ...honest, values: { ...honestValues, fullName: `${NAME} Anh` } },
    expect: { problems: [{ code: 'altered-locked-value', path: 'fullName' }], fields: { fullName: 'altered' } },
  },
  {
    name: 'altered-locked-value-nfd',
    about: 'The same name in NFD: no normalization, so it is not the signed value.',
    submission: { ...honest, values: { ...honestValues, fullName: NAME.normalize('NFD') } },
    expect: { problems: [{ code: 'altered-locked-value', path: 'fullName' }] },
  },
  {
    name: 'altered-locked-value-in-object',
    about: 'One part of a locked address changed.',
    submission: { ...honest, values: { ...honestValues, permanentAddress: { ...hoanKiem, detail: 'Số 14 phố Hàng Bạc' } } },
    expect: { problems: [{ code: 'altered-locked-value', path: 'permanentAddress' }] },
  },
  {
    name: 'altered-locked-value-lone-surrogate',
    about: 'A submitted value JSON cannot carry (a lone surrogate) matches no hash.',
    submission: { ...honest, values: { ...honestValues, employerCode: '0101234567\ud800' } },
    expect: { problems: [{ code: 'altered-locked-value', path: 'employerCode' }] },
  },
  {
    name: 'altered-reuse-reference',
    about: 'A reuse claim with a document number no statement signed.',
    submission: { ...honest, components: { diplomaCopy: { ...diploma, documentNumber: 'B0123457' } } },
    expect: { problems: [{ code: 'altered-reuse-reference', component: 'diplomaCopy' }], components: { diplomaCopy: 'altered' } },
  },
  {
    name: 'ok-second-reuse-candidate',
    about: 'The citizen chose the second diploma the statement offered.',
    submission: { ...honest, components: { diplomaCopy: secondDiploma } },
    expect: { problems: [], components: { diplomaCopy: 'verified' } },
  },
  {
    name: 'bad-signature-payload-byte',
    about: 'One character of the payload segment changed: the MAC no longer matches; its fields become unsigned.',
    submission: { ...honest, provenance: [flip(population, 2, 10), results, business] },
    expect: { problems: [{ code: 'bad-signature', statement: 0 }], statements: ['bad-signature', 'valid', 'valid'], fields: { fullName: 'unsigned' } },
  },
  {
    name: 'bad-signature-mac-byte',
    about: 'One character of the MAC segment changed.',
    submission: { ...honest, provenance: [population, flip(results, 3, 0), business] },
    expect: { problems: [{ code: 'bad-signature', statement: 1 }], components: { diplomaCopy: 'unsigned' } },
  },
  {
    name: 'bad-signature-kid-swapped',
    about: 'The kid segment names the other known key: the MAC is checked with that key and fails.',
    submission: { ...honest, provenance: [population.replace('ofp1.k2025a.', 'ofp1.k2026b.'), results, business] },
    expect: { problems: [{ code: 'bad-signature', statement: 0 }] },
  },
  {
    name: 'subject-mismatch',
    about: 'Statements about one person replayed in another person’s submission.',
    submission: { ...honest, provenance: [population, results], subjects: [OTHER_PERSON] },
    expect: {
      problems: [
        { code: 'subject-mismatch', statement: 0 },
        { code: 'subject-mismatch', statement: 1 },
      ],
    },
  },
  {
    name: 'subject-mismatch-business-not-acting',
    about: 'The business statement in a submission whose subjects do not include the business.',
    submission: { ...honest, subjects: [PERSON] },
    expect: { problems: [{ code: 'subject-mismatch', statement: 2 }], fields: { employerName: 'unsigned' } },
  },
  {
    name: 'procedure-mismatch-code',
    about: 'Statements for 1.004616 replayed in another procedure.',
    procedure: { code: '1.005092', version: '2025.1' },
    submission: honest,
    expect: {
      problems: [
        { code: 'procedure-mismatch', statement: 0 },
        { code: 'procedure-mismatch', statement: 1 },
        { code: 'procedure-mismatch', statement: 2 },
      ],
    },
  },
  {
    name: 'procedure-mismatch-version',
    about: 'The same procedure, another definition version.',
    procedure: { code: '1.004616', version: '2025.2' },
    submission: { ...honest, provenance: [population] },
    expect: { problems: [{ code: 'procedure-mismatch', statement: 0 }] },
  },
  {
    name: 'expired',
    about: 'Exactly exp + leeway: expired.',
    nowSeconds: EXP + LEEWAY,
    submission: { ...honest, provenance: [population] },
    expect: { problems: [{ code: 'expired', statement: 0 }] },
  },
  {
    name: 'not-yet-valid',
    about: 'More than the leeway before iat.',
    nowSeconds: IAT - LEEWAY - 1,
    submission: { ...honest, provenance: [population] },
    expect: { problems: [{ code: 'not-yet-valid', statement: 0 }] },
  },
  {
    name: 'ok-within-leeway-before-iat',
    about: 'Exactly the leeway before iat: valid.',
    nowSeconds: IAT - LEEWAY,
    submission: { ...honest, provenance: [population] },
    expect: { problems: [], statements: ['valid'] },
  },
  {
    name: 'unknown-kid',
    about: 'The verifier does not (or no longer) knows k2026b.',
    keys: ['k2025a'],
    submission: honest,
    expect: { problems: [{ code: 'unknown-kid', statement: 2 }], fields: { employerName: 'unsigned' } },
  },
  {
    name: 'malformed-truncated',
    about: 'The MAC segment cut off.',
    submission: { ...honest, provenance: [population.slice(0, population.lastIndexOf('.'))] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-short-mac',
    about: 'The MAC segment one character short.',
    submission: { ...honest, provenance: [population.slice(0, -1)] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-junk',
    about: 'Not a token; a standard-base64 character; a padded segment; a wrong prefix; not a string.',
    submission: {
      ...honest,
      provenance: ['not a token', withChar(population, 2, 5, '+'), `${population}=`, population.replace('ofp1.', 'ofp2.'), 42],
    },
    expect: {
      problems: [0, 1, 2, 3, 4].map((statement) => ({ code: 'malformed', statement })),
      statements: ['malformed', 'malformed', 'malformed', 'malformed', 'malformed'],
    },
  },
  {
    name: 'malformed-payload-not-canonical',
    about: 'A correctly MACed payload with a space in it: the payload must be canonical.',
    submission: { ...honest, provenance: [macToken('k2025a', canonicalJson(populationPayload()).replace('{"components"', '{ "components"'))] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-proto-key',
    about: 'A correctly MACed payload with a __proto__ key among its fields.',
    submission: {
      ...honest,
      provenance: [macToken('k2025a', canonicalJson(populationPayload()).replace('"fields":{', '"fields":{"__proto__":{"hashes":["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],"locked":false,"source":"population","verification":"verified"},'))],
    },
    expect: { problems: [{ code: 'malformed', statement: 0 }], statements: ['malformed'] },
  },
  {
    name: 'malformed-payload-lock-unverified',
    about: 'A correctly MACed payload that locks a user-provided value.',
    submission: {
      ...honest,
      provenance: [
        macToken(
          'k2025a',
          canonicalJson({ ...populationPayload(), fields: { ...populationPayload().fields, phone: { ...populationPayload().fields.phone, locked: true } } }),
        ),
      ],
    },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-unknown-key',
    about: 'A correctly MACed payload with a key format 1 does not define.',
    submission: { ...honest, provenance: [macToken('k2025a', canonicalJson({ ...populationPayload(), v: 2 }))] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-duplicate-key',
    about: 'A correctly MACed payload with a key twice: its canonical form differs from its bytes.',
    submission: { ...honest, provenance: [macToken('k2025a', canonicalJson(populationPayload()).replace('{"components":{},', '{"components":{},"components":{},'))] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-not-utf8',
    about: 'A correctly MACed payload with a byte that is not UTF-8 (0xFF) inside a string.',
    submission: {
      ...honest,
      provenance: [macToken('k2025a', Buffer.from(canonicalJson(populationPayload()).replace('dc-5521', 'dc-552\u0000'), 'utf8').map((b) => (b === 0 ? 0xff : b)))],
    },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-fractional-iat',
    about: 'A correctly MACed payload whose iat is not a whole number.',
    submission: { ...honest, provenance: [macToken('k2025a', canonicalJson({ ...populationPayload(), iat: IAT + 0.5 }))] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-submission',
    about: 'A submission without subjects.',
    submission: { values: honestValues, provenance: [population] },
    expect: { problems: [{ code: 'malformed-submission' }], statements: [] },
  },
  {
    name: 'malformed-mac-non-canonical-base64url',
    about: 'The last MAC character with an unused low bit set: the same 32 bytes, but not the one base64url text of them (§2.2 rule 3), so malformed, not valid.',
    submission: { ...honest, provenance: [nonCanonicalTail(population, 3), results, business] },
    expect: { problems: [{ code: 'malformed', statement: 0 }], statements: ['malformed', 'valid', 'valid'] },
  },
  {
    name: 'malformed-payload-non-canonical-base64url',
    about: 'The last payload character with an unused low bit set: the same payload bytes, another text. Rule 3 refuses it (a verifier without rule 3 would report bad-signature instead).',
    submission: { ...honest, provenance: [nonCanonicalTail([population, results, business, secondOpinion].find((t) => t.split('.')[2]!.length % 4 !== 0)!, 2)] },
    expect: { problems: [{ code: 'malformed', statement: 0 }], statements: ['malformed'] },
  },
  {
    name: 'two-statements-first-match-wins',
    about: 'fullName is covered by two valid statements with the same value: the first in submission order verifies it (locked, as that one says). phone is covered by both with different values: the one whose hash matches verifies it.',
    submission: { ...honest, values: { ...honestValues, phone: '0977000111' }, provenance: [population, secondOpinion, results, business] },
    expect: { problems: [], fields: { fullName: 'verified', phone: 'verified' } },
  },
  {
    name: 'altered-locked-value-any-covering-locks',
    about: 'phone is covered by two valid statements, unlocked in the first and locked in the second; a value neither signed is altered and locked, because one covering entry locks it.',
    submission: { ...honest, values: { ...honestValues, phone: '0900000000' }, provenance: [population, secondOpinion, results, business] },
    expect: { problems: [{ code: 'altered-locked-value', path: 'phone' }], fields: { phone: 'altered' } },
  },
  {
    name: 'two-statements-cover-a-component',
    about: 'The second diploma is offered by two valid statements: the first of them in submission order verifies the claim.',
    submission: { ...honest, components: { diplomaCopy: secondDiploma }, provenance: [population, secondOpinion, results, business] },
    expect: { problems: [], components: { diplomaCopy: 'verified' } },
  },
  {
    name: 'altered-locked-value-number-for-string',
    about: 'The personal ID submitted as a JSON number: 1190012345 is not "001190012345" (no type conversion, leading zeros matter).',
    submission: { ...honest, values: { ...honestValues, personalId: 1190012345 } },
    expect: { problems: [{ code: 'altered-locked-value', path: 'personalId' }] },
  },
  {
    name: 'malformed-payload-empty-attribute',
    about: 'A correctly MACed payload whose field entry has an empty attribute: every string of the payload rules has at least one character.',
    submission: {
      ...honest,
      provenance: [macToken('k2025a', canonicalJson({ ...populationPayload(), fields: { ...populationPayload().fields, phone: { ...populationPayload().fields.phone, attribute: '' } } }))],
    },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-empty-procedure-version',
    about: 'A correctly MACed payload with an empty procedure version.',
    submission: { ...honest, provenance: [macToken('k2025a', canonicalJson({ ...populationPayload(), procedure: { code: PROCEDURE.code, version: '' } }))] },
    expect: { problems: [{ code: 'malformed', statement: 0 }] },
  },
  {
    name: 'malformed-payload-edge-cases',
    about: 'Correctly MACed payloads: a UTF-8 byte order mark before the JSON, a JSON array, a lone-surrogate escape in a string, a number out of the double range; and a token with an empty payload segment.',
    submission: {
      ...honest,
      provenance: [
        macToken('k2025a', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(canonicalJson(populationPayload()), 'utf8')])),
        macToken('k2025a', '[]'),
        macToken('k2025a', canonicalJson(populationPayload()).replace('dc-5521', 'dc-\\ud800')),
        macToken('k2025a', canonicalJson(populationPayload()).replace(`"iat":${IAT}`, '"iat":1e400')),
        macToken('k2025a', ''),
      ],
    },
    expect: {
      problems: [0, 1, 2, 3, 4].map((statement) => ({ code: 'malformed', statement })),
      statements: ['malformed', 'malformed', 'malformed', 'malformed', 'malformed'],
    },
  },
  {
    name: 'malformed-submission-empty-subject',
    about: 'A subject whose ID is the empty string.',
    submission: { ...honest, subjects: [{ personalId: '' }] },
    expect: { problems: [{ code: 'malformed-submission' }], statements: [] },
  },
  {
    name: 'malformed-submission-subject-two-members',
    about: 'A subject with two members.',
    submission: { ...honest, subjects: [{ ...PERSON, ...BUSINESS }] },
    expect: { problems: [{ code: 'malformed-submission' }], statements: [] },
  },
  {
    name: 'malformed-submission-nine-subjects',
    about: 'Nine subjects: at most eight.',
    submission: { ...honest, subjects: Array.from({ length: 9 }, (_, i) => ({ personalId: `00119001234${i}` })) },
    expect: { problems: [{ code: 'malformed-submission' }], statements: [] },
  },
  {
    name: 'malformed-submission-65-statements',
    about: 'Sixty-five statements: at most 64.',
    submission: { ...honest, provenance: Array.from({ length: 65 }, () => population) },
    expect: { problems: [{ code: 'malformed-submission' }], statements: [] },
  },
  {
    name: 'malformed-submission-components-null',
    about: 'components present but null.',
    submission: { ...honest, components: null },
    expect: { problems: [{ code: 'malformed-submission' }], statements: [] },
  },
];

// ---------------------------------------------------------------------------------------------

export function generateTestVectors(): string {
  const keys = Object.fromEntries(Object.keys(KEYS).map((kid) => [kid, KEYS[kid as Kid]]));

  const verifications = CASES.map((c) => {
    const procedure = c.procedure ?? PROCEDURE;
    const nowSeconds = c.nowSeconds ?? NOW;
    const known = c.keys ?? (Object.keys(KEYS) as Kid[]);
    const report = verifyProvenance(
      procedure,
      c.submission as ProvenanceSubmission,
      Object.fromEntries(known.map((kid) => [kid, KEYS[kid]])),
      { now: nowSeconds * 1000, leewaySeconds: LEEWAY },
    );
    checkExpectation(c, report);
    return { name: c.name, about: c.about, procedure, nowSeconds, leewaySeconds: LEEWAY, keys: known, submission: c.submission, report };
  });

  const vectors = {
    about:
      'Test vectors of the oncefill provenance envelope, format 1 (token prefix "ofp1"). docs/protocol.md, section "Provenance envelope", says how to use each part. Generated by scripts/generate-test-vectors.ts; do not edit by hand. All people, businesses, documents and keys are invented.',
    limits: { ...PROVENANCE_LIMITS },
    canonicalization: CANONICALIZATION.map(({ name, about, input }) => {
      const canonical = canonicalJson(JSON.parse(input));
      return { name, about, input, canonical, canonicalHex: Buffer.from(canonical, 'utf8').toString('hex') };
    }),
    canonicalizationRejected: REJECTED.map(({ name, about, input }) => {
      try {
        canonicalJson(JSON.parse(input));
      } catch {
        return { name, about, input };
      }
      throw new Error(`rejected vector ${name} was accepted`);
    }),
    keys: Object.entries(KEYS).map(([kid, key]) => ({
      kid,
      hex: hex(key),
      base64url: b64u(key),
      subjectKeyHex: hex(derive(kid as Kid, KEY_LABELS.subject)),
      valueKeyHex: hex(derive(kid as Kid, KEY_LABELS.value)),
    })),
    subjectHashes: [PERSON, BUSINESS, OTHER_PERSON].map((subject) => ({
      kid: 'k2025a',
      subject,
      canonical: canonicalJson(subject),
      hash: subjectHash(keys.k2025a!, subject),
    })),
    valueHashes: [
      ['k2025a', NAME],
      ['k2025a', NAME.normalize('NFD')],
      ['k2025a', '001190012345'],
      ['k2026b', '001190012345'],
      ['k2025a', hoanKiem],
      ['k2025a', null],
      ['k2025a', [1e21, -0, 0.1]],
    ].map(([kid, value]) => ({ kid, value, canonical: canonicalJson(value), hash: hashValue(keys[kid as Kid]!, value) })),
    statements: STATEMENTS.map(({ name, kid, about }) => {
      const token = sign(name);
      const [prefix, tokenKid, body, mac] = token.split('.') as [string, string, string, string];
      const canonical = Buffer.from(body, 'base64url').toString('utf8');
      return {
        name,
        about,
        kid,
        payload: JSON.parse(canonical) as unknown,
        canonical,
        signingInput: `${prefix}.${tokenKid}.${body}`,
        macHex: Buffer.from(mac, 'base64url').toString('hex'),
        token,
      };
    }),
    verifications,
  };
  return `${JSON.stringify(vectors, null, 2)}\n`;
}

function checkExpectation(c: Case, report: ProvenanceReport): void {
  const fail = (what: string) => {
    throw new Error(`test vector "${c.name}": ${what}\n${JSON.stringify(report, null, 2)}`);
  };
  if (canonicalJson(report.problems) !== canonicalJson(c.expect.problems)) fail('problems differ from the expectation');
  if (report.ok !== (c.expect.problems.length === 0)) fail('ok disagrees with problems');
  if (c.expect.statements && canonicalJson(report.statements.map((s) => s.status)) !== canonicalJson(c.expect.statements)) fail('statement statuses differ');
  for (const [path, status] of Object.entries(c.expect.fields ?? {})) if (report.fields[path]?.status !== status) fail(`field ${path} is not ${status}`);
  for (const [id, status] of Object.entries(c.expect.components ?? {})) if (report.components[id]?.status !== status) fail(`component ${id} is not ${status}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generateTestVectors();
  if (process.argv.includes('--print')) process.stdout.write(text);
  else writeFileSync(VECTORS_FILE, text);
}
