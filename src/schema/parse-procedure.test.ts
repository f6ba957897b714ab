import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateProcedureSchema } from '../../scripts/generate-schema.js';
import { isDefinitionError, type DefinitionIssue } from '../shared/DefinitionError.js';
import { checkProcedure } from './check-procedure.js';
import { defineProcedure, parseProcedure } from './parse-procedure.js';
import { procedureJsonSchema } from './procedure-json-schema.js';

const cite = { document: 'NĐ 163/2025/NĐ-CP, Phụ lục I, Mẫu số 02', tag: 'V' } as const;

function definition(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 1,
    code: '1.004616',
    version: '2025.1',
    status: 'verified',
    title: { vi: 'Cấp chứng chỉ hành nghề dược', en: 'Pharmacy practice certificate' },
    agency: { vi: 'Sở Y tế' },
    applicant: 'citizen',
    source: cite,
    fields: [
      { id: 'fullName', type: 'text', label: { vi: 'Họ và tên' }, status: 'verified', source: cite, prefill: { from: [{ source: 'population', attribute: 'fullName' }], lock: true } },
      { id: 'birthDate', type: 'date', allowYearOnly: true, label: { vi: 'Ngày, tháng, năm sinh' }, status: 'verified', source: cite },
    ],
    ...extra,
  };
}

const field = (extra: Record<string, unknown>) => ({ label: { vi: 'Nhãn' }, status: 'verified', source: cite, ...extra });

function errorsOf(input: unknown): DefinitionIssue[] {
  try {
    parseProcedure(input);
  } catch (error) {
    expect(isDefinitionError(error)).toBe(true);
    return (error as { issues: DefinitionIssue[] }).issues;
  }
  throw new Error('expected a DefinitionError');
}

describe('parseProcedure', () => {
  it('accepts a definition as text or as a parsed value, and round-trips it through JSON', () => {
    const value = definition();
    const fromText = parseProcedure(JSON.stringify(value));
    expect(parseProcedure(value)).toEqual(fromText);
    expect(JSON.parse(JSON.stringify(fromText))).toEqual(fromText);
  });

  it('accepts national procedure codes in their instance and local forms', () => {
    for (const code of ['1.004616', '1.004616.000.00.00.H56', '3.000467.H18', '2.000648']) expect(parseProcedure(definition({ code })).code).toBe(code);
    for (const code of ['1004616', '1.00461', 'x.004616', '1.004616.H', '1.004616.000.00.H56']) expect(errorsOf(definition({ code }))[0]).toMatchObject({ path: '$.code', code: 'pattern' });
  });

  it('defineProcedure checks at run time as well', () => {
    expect(() => defineProcedure(definition({ status: 'final' }) as never)).toThrow(/\$\.status/);
  });

  it('reports every problem with a JSON path, a code and a message, never a value from the record', () => {
    const issues = errorsOf(definition({ status: 'final', title: {}, fields: [field({ id: '9bad', type: 'text' })] }));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.status', code: 'invalid-value' }),
        expect.objectContaining({ path: '$.title.vi', code: 'missing' }),
        expect.objectContaining({ path: '$.fields[0].id', code: 'pattern' }),
      ]),
    );
  });

  // The issue's bad-input list, each with its expected path.
  const bad: Array<[name: string, input: () => unknown, path: string, code: DefinitionIssue['code']]> = [
    ['malformed JSON', () => '{"format": 1, "code": ', '$', 'invalid-json'],
    ['a JSON array instead of an object', () => '[]', '$', 'invalid-type'],
    ['a string where an object belongs', () => definition({ title: 'Cấp chứng chỉ' }), '$.title', 'invalid-type'],
    ['fields that are not an array', () => definition({ fields: { a: 1 } }), '$.fields', 'invalid-type'],
    ['an unknown field type', () => definition({ fields: [field({ id: 'a', type: 'signature' })] }), '$.fields[0].type', 'invalid-value'],
    ['a field without a type', () => definition({ fields: [field({ id: 'a' })] }), '$.fields[0].type', 'missing'],
    ['an unknown key', () => definition({ colour: 'red' }), '$.colour', 'unknown-key'],
    ['a __proto__ key at the top', () => `{"__proto__": {"polluted": true}, ${JSON.stringify(definition()).slice(1)}`, '$["__proto__"]', 'unknown-key'],
    ['a __proto__ key in a field', () => definition({ fields: [JSON.parse('{"id":"a","type":"text","label":{"vi":"A"},"status":"verified","source":{"document":"d","tag":"V"},"__proto__":{"x":1}}')] }), '$.fields[0]["__proto__"]', 'unknown-key'],
    ['a condition naming an unknown field', () => definition({ fields: [field({ id: 'a', type: 'text', visibleWhen: { field: 'ghost', eq: 'x' } })] }), '$.fields[0].visibleWhen', 'unknown-field'],
    ['a condition that is an expression string', () => definition({ fields: [field({ id: 'a', type: 'text', visibleWhen: 'b == 1' })] }), '$.fields[0].visibleWhen', 'invalid'],
    [
      'conditions that depend on each other in a cycle',
      () =>
        definition({
          fields: [
            field({ id: 'a', type: 'text', visibleWhen: { field: 'b', empty: false } }),
            field({ id: 'b', type: 'text', requiredWhen: { not: { field: 'a', empty: true } } }),
          ],
        }),
      '$.fields[0]',
      'cycle',
    ],
    ['a field whose condition reads itself', () => definition({ fields: [field({ id: 'a', type: 'text', visibleWhen: { field: 'a', empty: true } })] }), '$.fields[0]', 'cycle'],
    ['a step naming an unknown field', () => definition({ steps: [{ id: 's1', title: { vi: 'Bước 1' }, fields: ['fullName', 'ghost'] }] }), '$.steps[0].fields[1]', 'unknown-field'],
    ['duplicate field ids', () => definition({ fields: [field({ id: 'a', type: 'text' }), field({ id: 'a', type: 'email' })] }), '$.fields[1].id', 'duplicate-id'],
    ['duplicate option values', () => definition({ fields: [field({ id: 'a', type: 'select', options: [{ value: 'x', label: { vi: 'X' } }, { value: 'x', label: { vi: 'Y' } }] })] }), '$.fields[0].options[1].value', 'duplicate-option'],
    ['a member of a group that does not exist', () => definition({ fields: [field({ id: 'a', type: 'text', group: 'rows' })] }), '$.fields[0].group', 'unknown-field'],
    ['a member of a non-group field', () => definition({ fields: [field({ id: 'g', type: 'text' }), field({ id: 'a', type: 'text', group: 'g' })] }), '$.fields[1].group', 'bad-group'],
    ['groups that contain each other', () => definition({ fields: [field({ id: 'g1', type: 'group', group: 'g2' }), field({ id: 'g2', type: 'group', group: 'g1' }), field({ id: 'a', type: 'text', group: 'g1' })] }), '$.fields[0].group', 'cycle'],
    [
      'groups nested 100 deep',
      () => definition({ fields: Array.from({ length: 100 }, (_, i) => field({ id: `g${i}`, type: 'group', ...(i > 0 ? { group: `g${i - 1}` } : {}) })) }),
      '$.fields[9].group',
      'too-deep',
    ],
    ['10 000 fields', () => definition({ fields: Array.from({ length: 10_000 }, (_, i) => field({ id: `f${i}`, type: 'text' })) }), '$.fields', 'too-large'],
    ['JSON nested 10 000 deep', () => `${'{"not":'.repeat(10_000)}{}${'}'.repeat(10_000)}`, '$.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not', 'too-deep'],
    ['a definition larger than the text bound', () => `${' '.repeat(4_000_001)}{}`, '$', 'too-large'],
    ['an invalid regular expression', () => definition({ fields: [field({ id: 'a', type: 'text', pattern: '([a-z' })] }), '$.fields[0].pattern', 'invalid'],
    ['a file component pointing at a text field', () => definition({ documents: [{ id: 'c', title: { vi: 'Văn bằng' }, fileField: 'fullName', status: 'verified', source: cite }] }), '$.documents[0].fileField', 'incompatible-attribute'],
  ];

  it.each(bad)('rejects %s with a clear error at its path', (_name, input, path, code) => {
    const started = performance.now();
    const issues = errorsOf(input());
    expect(issues.map((i) => [i.path, i.code])).toContainEqual([path, code]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
    // Stated bound: any bad input is answered within a second (usually a few ms).
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never pollutes Object.prototype, whatever the input carries', () => {
    const hostile = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "fields": [{"__proto__": {"polluted": 1}}]}';
    checkProcedure(hostile);
    checkProcedure(JSON.parse(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('warns on a draft definition without failing it', () => {
    const result = checkProcedure(definition({ status: 'draft' }));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ path: '$.status', code: 'draft' })]);
  });
});

describe('checkProcedure: the authoring rules for publishing', () => {
  const authoring: Array<[name: string, input: () => unknown, path: string]> = [
    ['a verified field resting on [R] evidence', () => definition({ fields: [field({ id: 'a', type: 'text', source: { document: 'x', tag: 'R' } })] }), '$.fields[0].status'],
    [
      'a verified definition holding a draft field',
      () => definition({ fields: [field({ id: 'a', type: 'text', status: 'draft', source: { document: 'x', tag: 'P' } })] }),
      '$.status',
    ],
    ['bounds in the wrong order', () => definition({ fields: [field({ id: 'a', type: 'integer', min: 5, max: 1 })] }), '$.fields[0].min'],
  ];

  it.each(authoring)('rejects %s, which parseProcedure still runs', (_name, input, path) => {
    expect(checkProcedure(input()).errors.map((e) => e.path)).toContain(path);
    expect(() => parseProcedure(input())).not.toThrow();
  });
});

describe('attribute catalogue checks', () => {
  it('rejects an attribute the catalogue lacks', () => {
    const input = definition({ fields: [field({ id: 'a', type: 'date', prefill: { from: [{ source: 'population', attribute: 'dateOfBirth' }] } })] });
    expect(errorsOf(input)).toContainEqual(expect.objectContaining({ path: '$.fields[0].prefill.from[0].attribute', code: 'unknown-attribute' }));
  });

  it('rejects a part the compound attribute does not have', () => {
    const input = definition({ fields: [field({ id: 'a', type: 'text', prefill: { from: [{ source: 'business', attribute: 'legalRepresentative.shoeSize' }] } })] });
    expect(errorsOf(input)).toContainEqual(expect.objectContaining({ code: 'unknown-attribute' }));
  });

  it('rejects a mapping the field type cannot hold', () => {
    const input = definition({ fields: [field({ id: 'a', type: 'checkbox', prefill: { from: [{ source: 'population', attribute: 'birthDate' }] } })] });
    expect(errorsOf(input)).toContainEqual(expect.objectContaining({ path: '$.fields[0].prefill.from[0].attribute', code: 'incompatible-attribute' }));
    const phone = definition({ fields: [field({ id: 'a', type: 'personal-id', prefill: { from: [{ source: 'personal', attribute: 'phone' }] } })] });
    expect(errorsOf(phone)).toContainEqual(expect.objectContaining({ code: 'incompatible-attribute' }));
  });

  it('rejects a repeated group fed by a value that is not a list', () => {
    const input = definition({ fields: [field({ id: 'rows', type: 'group', repeat: {}, prefill: { from: [{ source: 'population', attribute: 'father' }] } })] });
    expect(errorsOf(input)).toContainEqual(expect.objectContaining({ code: 'incompatible-attribute' }));
  });

  it('accepts compatible mappings, parts of compound attributes and list rows', () => {
    const procedure = parseProcedure(
      definition({
        fields: [
          field({ id: 'rep', type: 'text', prefill: { from: [{ source: 'business', attribute: 'legalRepresentative.fullName' }] } }),
          field({ id: 'taxCode', type: 'tax-code', acceptPersonalId: true, prefill: { from: [{ source: 'business', attribute: 'enterpriseCode' }, { source: 'population', attribute: 'personalId' }] } }),
          field({ id: 'diplomas', type: 'group', repeat: { max: 5 }, prefill: { from: [{ source: 'results', attribute: 'diploma' }] } }),
          field({ id: 'diplomaTitle', type: 'text', group: 'diplomas', prefill: { from: [{ source: 'results', attribute: 'diploma.title' }] } }),
        ],
      }),
    );
    expect(procedure.fields).toHaveLength(4);
  });
});

describe('procedureJsonSchema', () => {
  it('is the file generated from the zod source, byte for byte', () => {
    const committed = readFileSync(new URL('./procedure.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(generateProcedureSchema());
    expect(procedureJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  // Structural cases only: the semantic checks JSON Schema cannot express are tested above.
  const corpus: Array<[name: string, value: unknown, valid: boolean]> = [
    ['the minimal definition', definition(), true],
    ['every field type', definition({ fields: everyFieldType() }), true],
    ['steps and documents', definition({ steps: [{ id: 's', title: { vi: 'B' }, fields: ['fullName'] }], documents: [{ id: 'c', title: { vi: 'V' }, reuse: [{ source: 'results', documentType: 'diploma', procedures: ['1.005092'] }], status: 'verified', source: cite }] }), true],
    ['nested conditions', definition({ fields: [field({ id: 'a', type: 'text', visibleWhen: { all: [{ field: 'b', in: ['1', 2] }, { not: { any: [{ field: 'c', empty: true }, { field: 'd', eq: null }] } }] } })] }), true],
    ['an instance procedure code', definition({ code: '1.004616.000.00.00.H56' }), true],
    ['a number as the format', definition({ format: 2 }), false],
    ['a missing title', (() => { const d = definition(); delete d.title; return d; })(), false],
    ['an unknown top-level key', definition({ extra: true }), false],
    ['an unknown field key', definition({ fields: [field({ id: 'a', type: 'text', colour: 'red' })] }), false],
    ['options on a text field', definition({ fields: [field({ id: 'a', type: 'text', options: [] })] }), false],
    ['a select without options', definition({ fields: [field({ id: 'a', type: 'select', options: [] })] }), false],
    ['an unknown field type', definition({ fields: [field({ id: 'a', type: 'signature' })] }), false],
    ['an empty field list', definition({ fields: [] }), false],
    ['a bad id', definition({ fields: [field({ id: '_a', type: 'text' })] }), false],
    ['a decimal integer bound', definition({ fields: [field({ id: 'a', type: 'integer', min: 1.5 })] }), false],
    ['a condition with two operators', definition({ fields: [field({ id: 'a', type: 'text', visibleWhen: { field: 'b', eq: 1, in: [1] } })] }), false],
    ['an empty all', definition({ fields: [field({ id: 'a', type: 'text', visibleWhen: { all: [] } })] }), false],
    ['an unknown source kind', definition({ fields: [field({ id: 'a', type: 'text', prefill: { from: [{ source: 'police', attribute: 'x' }] } })] }), false],
    ['a label without Vietnamese', definition({ fields: [field({ id: 'a', type: 'text', label: { en: 'Name' } })] }), false],
    ['an evidence tag outside V/P/R', definition({ source: { document: 'x', tag: 'X' } }), false],
    ['a year-only min date', definition({ fields: [field({ id: 'a', type: 'date', min: '1900' })] }), true],
    ['a malformed min date', definition({ fields: [field({ id: 'a', type: 'date', min: '01/01/1900' })] }), false],
  ];

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(procedureJsonSchema);

  it.each(corpus)('gives the same verdict as parseProcedure on %s', (_name, value, valid) => {
    const ajvValid = validate(value) === true;
    const parsed = checkProcedure(value);
    const structural = parsed.errors.every((e) => ['unknown-field', 'cycle', 'duplicate-id', 'bad-group', 'too-deep', 'status-mismatch'].includes(e.code));
    expect(ajvValid).toBe(valid);
    expect(structural).toBe(valid);
  });
});

function everyFieldType(): unknown[] {
  const options = [{ value: 'a', label: { vi: 'A' } }];
  return [
    field({ id: 'text', type: 'text', maxLength: 100, letterCase: 'upper' }),
    field({ id: 'textarea', type: 'textarea' }),
    field({ id: 'integer', type: 'integer', min: 1, max: 10 }),
    field({ id: 'decimal', type: 'decimal', scale: 2 }),
    field({ id: 'date', type: 'date', allowYearOnly: true }),
    field({ id: 'select', type: 'select', options }),
    field({ id: 'radio', type: 'radio', options }),
    field({ id: 'checkbox', type: 'checkbox' }),
    field({ id: 'multi', type: 'multi-choice', options, maxItems: 1 }),
    field({ id: 'email', type: 'email' }),
    field({ id: 'phone', type: 'phone', allowLandline: true }),
    field({ id: 'pid', type: 'personal-id', accept: ['passport'] }),
    field({ id: 'tax', type: 'tax-code', acceptPersonalId: true }),
    field({ id: 'address', type: 'address' }),
    field({ id: 'file', type: 'file', accept: ['application/pdf'], maxBytes: 1000 }),
    field({ id: 'rows', type: 'group', repeat: { min: 1, max: 5 } }),
  ];
}
