import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineProcedure, parseProcedure } from '../schema/parse-procedure.js';
import type { ProcedureDefinition } from '../schema/procedure-format.js';
import { SHIPPED_PROCEDURES } from '../testing/create-gateway-handlers.js';
import { AJV_OPTIONS, compileJsonValidator } from './json-validator.js';
import { submissionJsonSchema } from './submission-json-schema.js';
import { validateSubmission } from './validate-submission.js';

const cite = { document: 'test', tag: 'R' } as const;
const label = (vi: string) => ({ vi });
const field = (def: Record<string, unknown>) => ({ label: label(String(def.id)), status: 'draft', source: cite, ...def });
const define = (fields: Array<Record<string, unknown>>) =>
  defineProcedure({
    format: 1,
    code: '1.004616',
    version: '2026.1',
    status: 'draft',
    title: label('Thử'),
    agency: label('Sở'),
    applicant: 'citizen',
    source: cite,
    fields: fields.map(field),
  } as ProcedureDefinition);

describe('validateSubmission', () => {
  it('C-B03: keeps "02108" and "000417" as the strings they are, and reports a number where text belongs', () => {
    const procedure = define([
      { id: 'postalCode', type: 'text', pattern: '\\d{5}', required: true },
      { id: 'memberNo', type: 'text' },
    ]);
    const input = { postalCode: '02108', memberNo: '000417' };
    const ok = validateSubmission(procedure, input);
    expect(ok).toEqual({ ok: true, errors: [], value: { postalCode: '02108', memberNo: '000417' } });
    expect(typeof ok.value!.postalCode).toBe('string');

    const numbers = { postalCode: 2108, memberNo: 417 };
    const bad = validateSubmission(procedure, numbers);
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual([
      { path: 'memberNo', code: 'type', message: 'must be string' },
      { path: 'postalCode', code: 'type', message: 'must be string' },
    ]);
    expect(numbers).toEqual({ postalCode: 2108, memberNo: 417 }); // not padded, not converted
    expect(JSON.stringify(bad)).not.toMatch(/2108|417/);
  });

  it('C-B08: with the validator options used in production, both anyOf cases are valid, phone and email survive, and nothing is mutated', () => {
    const schema = { type: 'object', properties: { contact: { type: 'object', anyOf: [{ properties: { email: { type: 'string' } }, required: ['email'] }, { properties: { phone: { type: 'string' } }, required: ['phone'] }] } } };
    const check = compileJsonValidator(schema);
    const phoneOnly = { contact: { phone: '+84 90 000 1234' } };
    const emailAndNickname = { contact: { email: 'an.tran@example.com', nickname: 'Bo' } };
    const before = JSON.stringify([phoneOnly, emailAndNickname]);
    const a = check(phoneOnly);
    const b = check(emailAndNickname);
    expect(a).toEqual({ ok: true, errors: [], value: { contact: { phone: '+84 90 000 1234' } } });
    expect(b.ok).toBe(true);
    expect((b as { value: { contact: Record<string, string> } }).value.contact.email).toBe('an.tran@example.com');
    expect(JSON.stringify([phoneOnly, emailAndNickname])).toBe(before);
    expect(AJV_OPTIONS).toMatchObject({ removeAdditional: false, coerceTypes: false, useDefaults: false });
  });

  it('never mutates the payload, whatever it holds (property)', () => {
    const procedure = parseProcedure(SHIPPED_PROCEDURES[1]);
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 30 }), fc.jsonValue({ maxDepth: 3 })), (payload) => {
        const before = JSON.stringify(payload);
        const result = validateSubmission(procedure, payload);
        expect(JSON.stringify(payload)).toBe(before);
        if (result.ok) expect(result.value).not.toBe(payload);
      }),
      { numRuns: 200 },
    );
  });

  it('requires a field only when its requiredWhen holds and it is visible', () => {
    const procedure = parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === '1.000028'));
    const paths = (values: Record<string, unknown>) => validateSubmission(procedure, values).errors.filter((e) => e.code === 'required').map((e) => e.path);
    expect(paths({ applicantKind: 'organization' })).toContain('organizationName');
    expect(paths({ applicantKind: 'organization' })).not.toContain('fullName');
    expect(paths({ applicantKind: 'individual' })).toContain('fullName');
    expect(paths({ applicantKind: 'individual' })).not.toContain('organizationName');
  });

  it('checks rows of repeated groups: at least one for a required group, required members per row', () => {
    const procedure = parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === '1.004616'));
    const none = validateSubmission(procedure, {}).errors;
    expect(none).toEqual(expect.arrayContaining([{ path: 'diplomas', code: 'too-few-rows', message: 'needs at least 1 row(s)' }]));
    const row = validateSubmission(procedure, { 'diplomas[0].diplomaIssuer': 'Trường Đại học Dược Hà Nội', 'diplomas[0].diplomaIssueDate': '2012' }).errors;
    expect(row).toEqual(expect.arrayContaining([{ path: 'diplomas[0].diplomaTitle', code: 'required', message: 'is required' }]));
    expect(row.find((e) => e.path === 'diplomas')).toBeUndefined();
    expect(row.find((e) => e.path.startsWith('diplomas[0].diplomaIssueDate'))).toBeUndefined(); // year-only allowed here
  });

  const values: Array<[name: string, fields: Array<Record<string, unknown>>, input: Record<string, unknown>, error: { path: string; code: string } | undefined]> = [
    ['a date that does not exist', [{ id: 'd', type: 'date' }], { d: '2023-02-29' }, { path: 'd', code: 'invalid-date' }],
    ['a year-only date where a full one is needed', [{ id: 'd', type: 'date' }], { d: '1962' }, { path: 'd', code: 'pattern' }],
    ['a date before min', [{ id: 'd', type: 'date', min: '2020-01-01' }], { d: '2019-12-31' }, { path: 'd', code: 'too-small' }],
    ['an integer above max, compared exactly', [{ id: 'n', type: 'integer', max: 9007199254740991 }], { n: '9007199254740992' }, { path: 'n', code: 'too-big' }],
    ['an integer within bounds', [{ id: 'n', type: 'integer', min: 1, max: 10 }], { n: '10' }, undefined],
    ['a decimal with too many places', [{ id: 'x', type: 'decimal', scale: 2 }], { x: '1.234' }, { path: 'x', code: 'pattern' }],
    ['a fraction where the scale is 0', [{ id: 'x', type: 'decimal', scale: 0 }], { x: '1.5' }, { path: 'x', code: 'pattern' }],
    ['a decimal below min, compared exactly', [{ id: 'x', type: 'decimal', min: 0.5 }], { x: '0.49999999999999999999' }, { path: 'x', code: 'too-small' }],
    ['a negative integer under min', [{ id: 'n', type: 'integer', min: -5 }], { n: '-6' }, { path: 'n', code: 'too-small' }],
    ['a decimal under a bound written with an exponent', [{ id: 'x', type: 'decimal', min: 1e-7 }], { x: '0.00000009' }, { path: 'x', code: 'too-small' }],
    ['an unknown option', [{ id: 's', type: 'select', options: [{ value: 'a', label: label('A') }] }], { s: 'b' }, { path: 's', code: 'enum' }],
    ['a landline in a mobile field', [{ id: 'p', type: 'phone' }], { p: '024 3823 4567' }, { path: 'p', code: 'bad-phone' }],
    ['a personal ID with an unknown prefix', [{ id: 'i', type: 'personal-id' }], { i: '099190012345' }, { path: 'i', code: 'bad-personal-id' }],
    ['a commune that does not exist', [{ id: 'a', type: 'address' }], { a: { wardCode: '99999', provinceCode: '01' } }, { path: 'a', code: 'unknown-unit' }],
    ['a commune of another province', [{ id: 'a', type: 'address' }], { a: { wardCode: '00004', provinceCode: '31' } }, { path: 'a', code: 'unknown-unit' }],
    ['an address part that is not one', [{ id: 'a', type: 'address' }], { a: { wardCode: '00004', provinceCode: '01', district: '001' } }, { path: 'a.district', code: 'unknown-field' }],
    ['a field the procedure does not have', [{ id: 't', type: 'text' }], { t: 'x', other: 'y' }, { path: 'other', code: 'unknown-field' }],
    ['a __proto__ key', [{ id: 't', type: 'text' }], JSON.parse('{"t":"x","__proto__":{"polluted":true}}'), { path: '__proto__', code: 'unknown-field' }],
    ['a checkbox given as the text "false"', [{ id: 'c', type: 'checkbox' }], { c: 'false' }, { path: 'c', code: 'type' }],
    ['an unanchored pattern is anchored', [{ id: 't', type: 'text', pattern: '\\d{3}' }], { t: '12345' }, { path: 't', code: 'pattern' }],
  ];

  it.each(values)('reports %s', (_name, fields, input, error) => {
    const result = validateSubmission(define(fields), input);
    if (error) expect(result.errors).toEqual([expect.objectContaining(error)]);
    else expect(result).toMatchObject({ ok: true, errors: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what is not a JSON object, without throwing', () => {
    const procedure = define([{ id: 't', type: 'text' }]);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [null, 'text', 42, [], cyclic, { t: 10n }]) expect(validateSubmission(procedure, input).ok).toBe(false);
  });
});

describe('submissionJsonSchema', () => {
  it('keys rows by group[i].field, the paths provenance statements sign', () => {
    const procedure = parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === '1.004616'));
    const schema = submissionJsonSchema(procedure) as { properties: Record<string, unknown>; patternProperties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.patternProperties)).toContain('^diplomas\\[(0|[1-9][0-9]{0,2})\\]\\.diplomaTitle$');
    expect(schema.properties.birthDate).toEqual({ type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
    expect(schema.required).toContain('fullName');
    expect(schema.required).not.toContain('practiceLanguage'); // required only when shown
  });
});
