/**
 * The built `oncefill check` (dist/cli.js, run by `npm test` after the build) on the shipped
 * catalogue and on broken copies of it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url).pathname;
const FILES = readdirSync(join(ROOT, 'procedures'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => `procedures/${file}`);

interface Run {
  status: number | null;
  stdout: string[];
  stderr: string[];
}

function run(command: string, args: string[]): Run {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const lines = (text: string) => text.split('\n').filter((line) => line.length > 0);
  return { status: result.status, stdout: lines(result.stdout), stderr: lines(result.stderr) };
}
const check = (...files: string[]) => run(process.execPath, ['dist/cli.js', 'check', ...files]);

// Definitions as plain JSON, edited freely to break them.
type Json = Record<string, any>;
const read = (code: string): Json => JSON.parse(readFileSync(join(ROOT, 'procedures', `${code}.json`), 'utf8')) as Json;
function indexIn(list: Json[], id: string): number {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`no item ${id}`);
  return index;
}
const indexOf = (definition: Json, id: string): number => indexIn(definition.fields, id);
const componentIndex = (definition: Json, id: string): number => indexIn(definition.documents, id);
/** Draft fields and components: the number the draft warning reports. */
const drafts = (definition: Json) => [...definition.fields, ...(definition.documents ?? [])].filter((x: Json) => x.status === 'draft').length;

const dir = mkdtempSync(join(tmpdir(), 'oncefill-catalogue-'));
function writeBroken(name: string, code: string, edit: (definition: Json) => void): string {
  const definition = read(code);
  edit(definition);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(definition, null, 2));
  return file;
}

/** No stack trace, no internal error: a user mistake is answered in `file: path: message` lines. */
function expectNoStackTrace(result: Run) {
  for (const line of [...result.stdout, ...result.stderr]) {
    expect(line).not.toMatch(/^\s+at |internal error|Error:/);
  }
}

describe('npx oncefill check procedures/*.json', () => {
  it('passes all six definitions, warning once for each draft with its count of unchecked fields', () => {
    const result = run('npx', ['--no-install', 'oncefill', 'check', ...FILES]);
    expect(FILES).toHaveLength(6);
    expect(result.status).toBe(0);
    expect(result.stdout).toEqual([...FILES.map((file) => `${file}: ok (1 warning)`), '6 of 6 definitions pass']);
    expect(result.stderr).toEqual(
      FILES.map((file) => {
        const count = drafts(read(file.slice('procedures/'.length, -'.json'.length)));
        return `${file}: $.status: warning: draft: ${count} field(s) or component(s) still need checking against the official template`;
      }),
    );
  });

  it('names a schema that exists once the package is built', () => {
    for (const file of FILES) {
      const schema = (JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Json).$schema as string;
      expect(existsSync(join(ROOT, 'procedures', schema)), `${file}: ${schema}`).toBe(true);
    }
  });
});

describe('oncefill check on broken copies of the catalogue', () => {
  const pharmacy = read('1.004616');
  const cases: Array<[what: string, file: () => string, line: (file: string) => string]> = [
    [
      'an attribute the catalogue lacks',
      () => writeBroken('unknown-attribute.json', '1.004616', (d) => void (d.fields[indexOf(d, 'birthDate')].prefill.from[0].attribute = 'dateOfBirth')),
      (file) => `${file}: $.fields[${indexOf(pharmacy, 'birthDate')}].prefill.from[0].attribute: the population catalogue has no attribute "dateOfBirth"`,
    ],
    [
      'a condition naming a missing field',
      () => writeBroken('missing-field.json', '1.004616', (d) => void (d.fields[indexOf(d, 'practiceLanguage')].visibleWhen = { field: 'speaksVietnamese', eq: 'no' })),
      (file) => `${file}: $.fields[${indexOf(pharmacy, 'practiceLanguage')}].visibleWhen: condition reads field "speaksVietnamese", which this definition does not have`,
    ],
    [
      'a component required under a condition on a missing field',
      () => writeBroken('missing-field-component.json', '1.004616', (d) => void (d.documents[componentIndex(d, 'revocation')].requiredWhen = { field: 'revoked', eq: true })),
      (file) => `${file}: $.documents[${componentIndex(pharmacy, 'revocation')}].requiredWhen: condition reads field "revoked", which this definition does not have`,
    ],
    [
      'a step naming a missing field',
      () => writeBroken('missing-step-field.json', '1.000028', (d) => void (d.steps[1].fields[0] = 'axleCount')),
      (file) => `${file}: $.steps[1].fields[0]: step lists field "axleCount", which this definition does not have`,
    ],
    [
      'a duplicate option value',
      () => writeBroken('duplicate-option.json', '1.004616', (d) => void (d.fields[indexOf(d, 'practiceScope')].options[26].value = '26')),
      (file) => `${file}: $.fields[${indexOf(pharmacy, 'practiceScope')}].options[26].value: option value "26" appears twice`,
    ],
    [
      'a duplicate field id',
      () => writeBroken('duplicate-id.json', '1.005092', (d) => void (d.fields[indexOf(d, 'holderName')].id = 'fullName')),
      (file) => `${file}: $.fields[${indexOf(read('1.005092'), 'holderName')}].id: field id "fullName" is already used by $.fields[${indexOf(read('1.005092'), 'fullName')}]`,
    ],
    [
      'an unknown field type',
      () => writeBroken('unknown-type.json', '2.000535', (d) => void (d.fields[indexOf(d, 'signatoryName')].type = 'signature')),
      (file) =>
        `${file}: $.fields[${indexOf(read('2.000535'), 'signatoryName')}].type: unknown type "signature"; expected one of "text", "textarea", "integer", "decimal", "date", "select", "radio", "checkbox", "multi-choice", "email", "phone", "personal-id", "tax-code", "address", "file", "group"`,
    ],
    [
      'a field type that cannot hold its prefill attribute',
      () => writeBroken('type-mismatch.json', '2.000648', (d) => void (d.fields[indexOf(d, 'enterpriseCode')].type = 'date')),
      (file) => `${file}: $.fields[${indexOf(read('2.000648'), 'enterpriseCode')}].prefill.from[0].attribute: a date field cannot hold "enterpriseCode" (a tax-code value)`,
    ],
    [
      'a value of the wrong JSON type',
      () => writeBroken('wrong-json-type.json', '2.000645', (d) => void (d.fields[0].required = 'yes')),
      (file) => `${file}: $.fields[0].required: expected boolean, got string`,
    ],
    [
      'a file component pointing at a text field',
      () => writeBroken('file-field.json', '2.000535', (d) => void (d.documents[componentIndex(d, 'oldCertificate')].fileField = 'oldCertificateNumber')),
      (file) => `${file}: $.documents[${componentIndex(read('2.000535'), 'oldCertificate')}].fileField: "oldCertificateNumber" is a text field, not a file field`,
    ],
    [
      'a [R] field claimed as verified',
      () => writeBroken('status.json', '2.000645', (d) => void (d.fields[indexOf(d, 'amendmentContent')].status = 'verified')),
      (file) => `${file}: $.fields[${indexOf(read('2.000645'), 'amendmentContent')}].status: a field resting on [R] evidence must be "draft"`,
    ],
  ];

  it.each(cases)('fails %s with a file: json-path: message line and exit 1', (_what, makeFile, line) => {
    const file = makeFile();
    const result = check(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(line(file));
    expect(result.stdout).toEqual([]);
    expectNoStackTrace(result);
  });

  it('fails malformed JSON with one line at $', () => {
    const text = readFileSync(join(ROOT, 'procedures/1.005092.json'), 'utf8');
    const file = join(dir, 'truncated.json');
    writeFileSync(file, text.slice(0, text.length / 2));
    const result = check(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: \\$: not valid JSON \\(`));
    expectNoStackTrace(result);
  });

  it('answers a directory or a missing file with one line each, and still checks the rest', () => {
    const result = check('procedures', join(dir, 'nope.json'), ...FILES);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('procedures: cannot read (EISDIR)');
    expect(result.stderr).toContain(`${join(dir, 'nope.json')}: cannot read (ENOENT)`);
    expect(result.stdout.at(-1)).toBe('6 of 8 definitions pass');
    expectNoStackTrace(result);
  });
});
