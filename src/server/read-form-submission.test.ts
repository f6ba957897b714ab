import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../schema/parse-procedure.js';
import { SHIPPED_PROCEDURES } from '../testing/create-gateway-handlers.js';
import { readFormSubmission } from './read-form-submission.js';

const procedureOf = (code: string) => parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === code));
const p1004616 = procedureOf('1.004616');

const envelope = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    v: 1,
    procedure: { code: '1.004616', version: '2026.1' },
    provenance: ['ofp1.k.x.y'],
    fields: { fullName: { source: 'population', attribute: 'fullName', verification: 'verified', locked: true, setBy: 'oncefill' } },
    components: { diploma: { source: 'results', documentType: 'diploma', documentNumber: 'B0123456', fromNationalStore: true } },
    ...over,
  });

describe('readFormSubmission', () => {
  it('reads fields by path, checkboxes as booleans, multi-choice as lists, addresses from five inputs, rows, and the envelope', () => {
    const form = new URLSearchParams([
      ['fullName', 'Nguyễn Thị Lan'],
      ['birthDate', '1990-05-09'],
      ['permanentAddress.detail', 'Số 12 phố Hàng Chiếu'],
      ['permanentAddress.wardCode', '00070'],
      ['permanentAddress.wardName', 'Phường Hoàn Kiếm'],
      ['permanentAddress.provinceCode', '01'],
      ['permanentAddress.provinceName', 'Thành phố Hà Nội'],
      ['practiceScope', 'a'],
      ['practiceScope', 'b'],
      ['diplomas[0].diplomaTitle', 'Bằng Dược sĩ đại học'],
      ['diplomas[1].diplomaTitle', 'Bằng Thạc sĩ'],
      ['interpreterCommitment', 'on'],
      ['_csrf', 'portal-token'],
      ['diplomaTitle', 'a row field outside its row'],
      ['portrait', 'photo.jpg'],
      ['oncefill-envelope', envelope()],
    ]);
    const post = readFormSubmission(p1004616, form);
    expect(post.problems).toEqual([]);
    expect(post.values).toEqual({
      fullName: 'Nguyễn Thị Lan',
      birthDate: '1990-05-09',
      permanentAddress: { detail: 'Số 12 phố Hàng Chiếu', wardCode: '00070', wardName: 'Phường Hoàn Kiếm', provinceCode: '01', provinceName: 'Thành phố Hà Nội' },
      practiceScope: ['a', 'b'],
      'diplomas[0].diplomaTitle': 'Bằng Dược sĩ đại học',
      'diplomas[1].diplomaTitle': 'Bằng Thạc sĩ',
      interpreterCommitment: true,
    });
    expect(post.provenance).toEqual(['ofp1.k.x.y']);
    expect(post.components.diploma).toMatchObject({ documentNumber: 'B0123456' });
    expect(post.envelope?.fields.fullName?.setBy).toBe('oncefill');
  });

  it('reads empty inputs (an unanswered text, date, select or address) as no value, as validateSubmission expects', () => {
    const post = readFormSubmission(p1004616, new URLSearchParams([
      ['fullName', 'Nguyễn Thị Lan'],
      ['email', ''],
      ['idIssueDate', ''],
      ['recipientAgency', ''],
      ...['detail', 'wardCode', 'wardName', 'provinceCode', 'provinceName'].map((part) => [`permanentAddress.${part}`, '']),
      ['practiceScope', ''],
      ['oncefill-envelope', envelope()],
    ]));
    expect(post.values).toEqual({ fullName: 'Nguyễn Thị Lan', interpreterCommitment: false });
  });

  it('reads a date a text input posts day first (as the page shows it, and as oncefill fills it) as the wire date', () => {
    const birthDate = (posted: string) => readFormSubmission(p1004616, new URLSearchParams({ birthDate: posted })).values.birthDate;
    expect(birthDate('09/05/1990')).toBe('1990-05-09');
    expect(birthDate('9/5/1990')).toBe('1990-05-09');
    expect(birthDate('09-05-1990')).toBe('1990-05-09');
    expect(birthDate('05/1990')).toBe('1990-05');
    expect(birthDate('1990-05-09')).toBe('1990-05-09');
    // No such day, or not a date: posted as it was, for validateSubmission to report.
    expect(birthDate('31/04/1990')).toBe('31/04/1990');
    expect(birthDate('hôm qua')).toBe('hôm qua');
  });

  it('reads an unticked checkbox as false, and an address given as one JSON input', () => {
    const post = readFormSubmission(p1004616, { currentAddress: '{"detail":"","wardCode":"00004","wardName":"Phường Ba Đình","provinceCode":"01","provinceName":"Thành phố Hà Nội"}', 'oncefill-envelope': envelope() });
    expect(post.values.interpreterCommitment).toBe(false);
    expect(post.values.currentAddress).toMatchObject({ wardCode: '00004' });
  });

  it('reads FormData and leaves files out', () => {
    const form = new FormData();
    form.append('fullName', 'Nguyễn Thị Lan');
    form.append('diplomaFile', new Blob(['%PDF']), 'bang.pdf');
    form.append('oncefill-envelope', envelope());
    expect(readFormSubmission(p1004616, form).values).toEqual({ fullName: 'Nguyễn Thị Lan', interpreterCommitment: false });
  });

  const problems: Array<[name: string, form: Record<string, string>, code: string]> = [
    ['no envelope', { fullName: 'x' }, 'no-envelope'],
    ['an envelope that is not JSON', { 'oncefill-envelope': '{' }, 'envelope-not-json'],
    ['an envelope of the wrong shape', { 'oncefill-envelope': '{"v":2}' }, 'envelope-malformed'],
    ['an envelope with a __proto__ component', { 'oncefill-envelope': envelope({ components: JSON.parse('{"__proto__":{"source":"results"}}') as object }) }, 'envelope-malformed'],
    ['an envelope for another procedure', { 'oncefill-envelope': envelope({ procedure: { code: '1.005092', version: '2026.1' } }) }, 'procedure-mismatch'],
    ['an address input that is not JSON', { permanentAddress: 'Số 12', 'oncefill-envelope': envelope() }, 'value-not-json'],
  ];

  it.each(problems)('reports %s as a problem, never throwing', (_name, form, code) => {
    const post = readFormSubmission(p1004616, form);
    expect(post.problems.map((p) => p.code)).toContain(code);
    expect(({} as Record<string, unknown>).source).toBeUndefined();
  });
});
