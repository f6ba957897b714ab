import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out, err }));
}

const cite = { document: 'Mẫu thử', tag: 'V' };
const good = {
  format: 1,
  code: '1.005092',
  version: '1',
  status: 'verified',
  title: { vi: 'Cấp bản sao văn bằng' },
  agency: { vi: 'Sở GD&ĐT' },
  applicant: 'citizen',
  source: cite,
  fields: [{ id: 'fullName', type: 'text', label: { vi: 'Họ tên' }, status: 'verified', source: cite }],
};

describe('oncefill check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oncefill-check-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('passes a good definition and exits 0', async () => {
    const result = await run(['check', write('good.json', JSON.stringify(good))]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/good\.json: ok$/);
  });

  it('prints file: json-path: message for each problem and exits 1', async () => {
    const broken = { ...good, fields: [{ ...good.fields[0], type: 'signature' }, { ...good.fields[0] }] };
    const file = write('broken.json', JSON.stringify(broken));
    const result = await run(['check', file]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file}: $.fields[0].type: unknown type "signature"; expected one of "text", "textarea", "integer", "decimal", "date", "select", "radio", "checkbox", "multi-choice", "email", "phone", "personal-id", "tax-code", "address", "file", "group"`);
  });

  it('warns on a draft and still exits 0', async () => {
    const file = write('draft.json', JSON.stringify({ ...good, status: 'draft' }));
    const result = await run(['check', file]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([`${file}: $.status: warning: draft: the definition is not yet checked against the official template`]);
  });

  it('answers malformed JSON, a missing file and no arguments with one line each, never a stack trace', async () => {
    const malformed = await run(['check', write('bad.json', '{"format": 1,')]);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toHaveLength(1);
    expect(malformed.err[0]).toMatch(/bad\.json: \$: not valid JSON/);
    const missing = await run(['check', join(dir, 'nope.json')]);
    expect(missing.err).toEqual([`${join(dir, 'nope.json')}: cannot read (ENOENT)`]);
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    for (const line of [...malformed.err, ...missing.err]) expect(line).not.toMatch(/\n\s+at /);
  });
});
