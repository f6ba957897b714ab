/**
 * The shipped catalogue (`procedures/*.json`) against the domain sources it transcribes
 * (FORMS.md, VIETNAM.md) and against `docs/procedures.md`, which lists every field and
 * component that still needs checking against an official template.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkProcedure } from '../src/schema/check-procedure.js';
import { procedureJsonSchema } from '../src/schema/procedure-json-schema.js';
import type { Condition, DossierComponent, Field, Procedure } from '../src/schema/procedure-format.js';

const ROOT = new URL('../', import.meta.url);
const CODES = ['1.000028', '1.004616', '1.005092', '2.000535', '2.000645', '2.000648'];

const texts = new Map(readdirSync(new URL('procedures/', ROOT)).map((file) => [file, readFileSync(new URL(`procedures/${file}`, ROOT), 'utf8')]));
const definitions = new Map(
  [...texts].map(([file, text]) => {
    const { procedure, errors } = checkProcedure(text);
    if (!procedure) throw new Error(`${file}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return [procedure.code, procedure];
  }),
);
const get = (code: string): Procedure => {
  const procedure = definitions.get(code);
  if (!procedure) throw new Error(`no definition ${code}`);
  return procedure;
};
const fieldOf = (procedure: Procedure, id: string): Field => {
  const field = procedure.fields.find((f) => f.id === id);
  if (!field) throw new Error(`${procedure.code} has no field ${id}`);
  return field;
};
const unverified = (x: Field | DossierComponent) => x.source.tag !== 'V';

/** Lower case, NFC, abbreviations FORMS.md uses spelled out, spaces collapsed. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\bCCHN\b/g, 'Chứng chỉ hành nghề')
    .replace(/\bHTX\b/g, 'hợp tác xã')
    .replace(/\bXNK\b/g, 'xuất khẩu, nhập khẩu')
    .replace(/\bKCB\b/g, 'khám bệnh, chữa bệnh')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every piece of a FORMS.md label (split at its elisions "…" and " / ") appears in `label`, in order. */
function holdsLabel(label: string, transcribed: string): boolean {
  const text = normalize(label);
  let from = 0;
  for (const piece of normalize(transcribed).split(/\s*(?:…|\s\/\s)\s*/).filter(Boolean)) {
    const at = text.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

describe('the shipped catalogue', () => {
  it('holds exactly the six procedures of the Hải Phòng plan, one file per code', () => {
    expect([...texts.keys()].sort()).toEqual(CODES.map((code) => `${code}.json`));
    expect([...definitions.keys()].sort()).toEqual(CODES);
  });

  it.each(CODES)('%s passes every check, and warns only that it is a draft', (code) => {
    const { errors, warnings } = checkProcedure(texts.get(`${code}.json`));
    expect(errors).toEqual([]);
    expect(get(code).status).toBe('draft');
    expect(warnings).toEqual([expect.objectContaining({ path: '$.status', code: 'draft' })]);
  });

  it('validates against the published JSON Schema, and points editors at the shipped copy of it', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(procedureJsonSchema);
    for (const [file, text] of texts) {
      const value = JSON.parse(text) as { $schema?: string };
      expect(validate(value), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(value.$schema, file).toBe('../dist/procedure.schema.json');
    }
  });

  it('cites a document, a row reference and a tag for every field, component and definition', () => {
    for (const procedure of definitions.values()) {
      expect(procedure.source.ref).toBeTruthy();
      expect(procedure.version).toBe('2026.1');
      expect(procedure.title.en && procedure.agency.en).toBeTruthy();
      for (const x of [...procedure.fields, ...(procedure.documents ?? [])]) {
        expect(x.source.ref, `${procedure.code} ${x.id}`).toMatch(/^(FORMS\.md §\d|VIETNAM\.md §4\.\d)/);
        expect(x.status, `${procedure.code} ${x.id}`).toBe(unverified(x) ? 'draft' : 'verified');
      }
    }
  });

  it('locks only identity values (names, birth dates, personal IDs, enterprise codes), each from one kind of source', () => {
    const lockable = new Set(['population.fullName', 'population.birthDate', 'population.personalId', 'business.name', 'business.enterpriseCode']);
    let locked = 0;
    for (const procedure of definitions.values())
      for (const field of procedure.fields) {
        if (!field.prefill?.lock) continue;
        locked++;
        const from = field.prefill.from.map((ref) => `${ref.source}.${ref.attribute}`);
        for (const ref of from) expect(lockable.has(ref), `${procedure.code} ${field.id} locks ${ref}`).toBe(true);
        expect(new Set(field.prefill.from.map((ref) => ref.source)).size, `${procedure.code} ${field.id}`).toBe(1);
      }
    expect(locked).toBeGreaterThan(10);
  });

  it('gives every component but the application form a file field with the same evidence', () => {
    for (const procedure of definitions.values())
      for (const component of procedure.documents ?? []) {
        if (component.id === 'application') {
          expect(component.fileField, procedure.code).toBeUndefined();
          continue;
        }
        expect(component.fileField, `${procedure.code} ${component.id}`).toBeDefined();
        const file = fieldOf(procedure, component.fileField!);
        expect(file.type).toBe('file');
        expect(file.source.tag, `${procedure.code} ${component.id}`).toBe(component.source.tag);
      }
  });

  it('compares conditions only with values the field can take', () => {
    const check = (procedure: Procedure, condition: Condition, where: string) => {
      if ('all' in condition) return condition.all.forEach((c) => check(procedure, c, where));
      if ('any' in condition) return condition.any.forEach((c) => check(procedure, c, where));
      if ('not' in condition) return check(procedure, condition.not, where);
      const target = fieldOf(procedure, condition.field);
      const compared = condition.eq !== undefined ? [condition.eq] : (condition.in ?? []);
      if (compared.length === 0) return;
      if (target.type === 'checkbox') return compared.forEach((value) => expect(typeof value, where).toBe('boolean'));
      expect('options' in target, `${where} compares ${target.id}, which has no options`).toBe(true);
      const values = 'options' in target ? target.options.map((o) => o.value) : [];
      for (const value of compared) expect(values, where).toContain(value);
    };
    let conditions = 0;
    for (const procedure of definitions.values()) {
      for (const field of procedure.fields)
        for (const key of ['visibleWhen', 'requiredWhen'] as const) {
          const condition = field[key];
          if (condition) check(procedure, condition, `${procedure.code} ${field.id}.${key}`), conditions++;
        }
      for (const component of procedure.documents ?? [])
        if (component.requiredWhen) check(procedure, component.requiredWhen, `${procedure.code} ${component.id}`), conditions++;
    }
    expect(conditions).toBeGreaterThan(20);
  });

  it('puts every field in exactly one step when a definition has steps', () => {
    for (const procedure of definitions.values()) {
      if (!procedure.steps) continue;
      expect(procedure.steps.flatMap((s) => s.fields).sort(), procedure.code).toEqual(procedure.fields.map((f) => f.id).sort());
    }
    expect([...definitions.values()].filter((p) => p.steps).map((p) => p.code)).toEqual(['1.000028', '1.004616', '2.000648']);
  });
});

// FORMS.md §1, "Template fields, in order": row number, label as transcribed there, field type.
const MAU_02: Array<[row: number, label: string, type: Field['type']]> = [
  [1, 'Kính gửi', 'select'],
  [2, 'Ảnh chân dung', 'file'],
  [3, 'Họ và tên', 'text'],
  [4, 'Ngày, tháng, năm sinh', 'date'],
  [5, 'Nơi đăng ký hộ khẩu thường trú', 'address'],
  [6, 'Chỗ ở hiện nay', 'address'],
  [7, 'Số Thẻ căn cước/Hộ chiếu/Các giấy tờ tương đương khác', 'personal-id'],
  [8, 'Ngày cấp', 'date'],
  [9, 'Nơi cấp', 'text'],
  [10, 'Điện thoại', 'phone'],
  [11, 'Email (nếu có)', 'email'],
  [12, 'Văn bằng chuyên môn', 'group'],
  [13, 'Từ ngày', 'date'],
  [14, 'đến ngày', 'date'],
  [15, 'Tại', 'text'],
  [16, 'Nội dung thực hành', 'textarea'],
  [17, 'Người đề nghị cấp CCHN dược thuộc trường hợp sau', 'radio'],
  [18, 'Đề nghị cấp CCHN dược theo hình thức', 'radio'],
  [19, 'Đăng ký phạm vi hoạt động chuyên môn sau', 'multi-choice'],
  [20, 'Người đề nghị… biết tiếng Việt thành thạo', 'radio'],
  [21, 'Ngôn ngữ đăng ký sử dụng', 'text'],
  [22, 'Tôi cam kết có người phiên dịch trong khi hành nghề dược', 'checkbox'],
  [23, 'Tên địa danh', 'text'],
  [24, 'ngày … tháng … năm …', 'date'],
  [25, 'NGƯỜI LÀM ĐƠN (Ký và ghi rõ họ tên)', 'text'],
];

// FORMS.md §1, options for field 19 from footnote (3), abridged as there.
const NCTNCM = 'Người chịu trách nhiệm chuyên môn về dược của';
const QA = 'Người phụ trách bảo đảm chất lượng của';
const BOTH = 'Người chịu trách nhiệm chuyên môn về dược và người phụ trách bảo đảm chất lượng của';
const CLINICAL = 'Người phụ trách công tác dược lâm sàng của';
const SCOPE: Array<[value: string, role: string, label: string]> = [
  ['1', NCTNCM, 'cơ sở sản xuất thuốc'],
  ['2', NCTNCM, 'sản xuất nguyên liệu làm thuốc là dược chất, tá dược, vỏ nang'],
  ['3', NCTNCM, 'sản xuất vắc xin, sinh phẩm'],
  ['4', QA, 'sản xuất thuốc'],
  ['5', QA, 'sản xuất vắc xin, sinh phẩm'],
  ['6', QA, 'sản xuất dược chất, tá dược, vỏ nang'],
  ['7', BOTH, 'cơ sở sản xuất dược liệu'],
  ['8', BOTH, 'hộ kinh doanh, HTX sản xuất dược liệu'],
  ['9', NCTNCM, 'bán buôn thuốc, nguyên liệu'],
  ['10', NCTNCM, 'bán buôn vắc xin, sinh phẩm'],
  ['11', NCTNCM, 'bán buôn dược liệu, thuốc dược liệu, thuốc cổ truyền'],
  ['12', NCTNCM, 'XNK thuốc, nguyên liệu'],
  ['13', NCTNCM, 'XNK vắc xin, sinh phẩm'],
  ['14', NCTNCM, 'XNK dược liệu, thuốc dược liệu, thuốc cổ truyền'],
  ['15', NCTNCM, 'nhà thuốc'],
  ['16', NCTNCM, 'quầy thuốc'],
  ['17', NCTNCM, 'tủ thuốc trạm y tế xã'],
  ['18', NCTNCM, 'cơ sở chuyên bán lẻ dược liệu, thuốc dược liệu, thuốc cổ truyền'],
  ['19', NCTNCM, 'kiểm nghiệm'],
  ['20', NCTNCM, 'kiểm nghiệm vắc xin, sinh phẩm'],
  ['21', NCTNCM, 'thử thuốc trên lâm sàng / tương đương sinh học'],
  ['22', 'Người chịu trách nhiệm chuyên môn của', 'thử thuốc trên lâm sàng / tương đương sinh học … thuốc dược liệu, thuốc cổ truyền'],
  ['23', CLINICAL, 'cơ sở KCB'],
  ['24', CLINICAL, 'cơ sở KCB bằng y học cổ truyền'],
  ['25', NCTNCM, 'bảo quản thuốc'],
  ['26', NCTNCM, 'bảo quản vắc xin, sinh phẩm'],
  ['27', NCTNCM, 'cơ sở tổ chức chuỗi nhà thuốc'],
];

describe('1.004616 follows Mẫu số 02 of Nghị định 163/2025', () => {
  const procedure = get('1.004616');
  const citing = (row: number) => procedure.fields.filter((f) => f.source.ref === `FORMS.md §1 #${row}`);

  it.each(MAU_02)('holds row %i "%s" as a %s field citing it', (row, label, type) => {
    const fields = citing(row);
    const match = fields.find((f) => f.type === type && holdsLabel(f.label.vi, label));
    expect(match, `row ${row}: ${fields.map((f) => `${f.id} (${f.type}) "${f.label.vi}"`).join(', ') || 'no field cites it'}`).toBeDefined();
    expect(match!.source.document).toMatch(/163\/2025/);
    expect(match!.source.tag).toBe(row === 2 ? 'R' : 'V');
  });

  it('cites no Mẫu 02 row the template does not have', () => {
    const rows = procedure.fields.map((f) => f.source.ref?.match(/^FORMS\.md §1 #(\d+)$/)?.[1]).filter(Boolean).map(Number);
    expect(new Set(rows)).toEqual(new Set(MAU_02.map(([row]) => row)));
  });

  it('repeats the practice rows (item 8) and the diplomas (item 7), diplomas fed by the national document store', () => {
    const members = (group: string) => procedure.fields.filter((f) => f.group === group).map((f) => f.id);
    expect(fieldOf(procedure, 'practiceRows')).toMatchObject({ type: 'group', repeat: { min: 1 } });
    expect(members('practiceRows')).toEqual(['practiceFrom', 'practiceTo', 'practiceAt', 'practiceContent']);
    expect(fieldOf(procedure, 'diplomas')).toMatchObject({ type: 'group', prefill: { from: [{ source: 'results', attribute: 'diploma' }] } });
    expect(fieldOf(procedure, 'diplomaTitle')).toMatchObject({ group: 'diplomas', prefill: { from: [{ source: 'results', attribute: 'diploma.title' }] } });
  });

  it('offers all 27 scope positions of footnote (3), values "1" to "27" in order', () => {
    const scope = fieldOf(procedure, 'practiceScope');
    if (scope.type !== 'multi-choice') throw new Error('practiceScope is not a multi-choice field');
    expect(scope.options.map((o) => o.value)).toEqual(SCOPE.map(([value]) => value));
    for (const [value, role, label] of SCOPE) {
      const option = scope.options.find((o) => o.value === value)!;
      expect(normalize(option.label.vi).startsWith(normalize(role)), `option ${value}: "${option.label.vi}"`).toBe(true);
      expect(holdsLabel(option.label.vi, label), `option ${value}: "${option.label.vi}" lacks "${label}"`).toBe(true);
      expect(option.label.en, `option ${value}`).toBeTruthy();
    }
    expect(scope.options.find((o) => o.value === '22')!.label.vi).not.toMatch(/chuyên môn về dược/);
  });

  it('asks the language (items 21–22) only when the applicant is not fluent in Vietnamese (item 20)', () => {
    const notFluent = { field: 'fluentVietnamese', eq: 'no' };
    for (const id of ['practiceLanguage', 'interpreterCommitment']) expect(fieldOf(procedure, id)).toMatchObject({ visibleWhen: notFluent, requiredWhen: notFluent });
    expect(fieldOf(procedure, 'fluentVietnamese')).toMatchObject({ type: 'radio', required: true });
  });

  it('prefills identity and contact rows (items 1–6) from the population database, locking only name, birth date and ID', () => {
    const from = (id: string) => fieldOf(procedure, id).prefill?.from.map((r) => `${r.source}.${r.attribute}`);
    expect(from('fullName')).toEqual(['population.fullName']);
    expect(from('birthDate')).toEqual(['population.birthDate']);
    expect(from('permanentAddress')).toEqual(['population.permanentAddress']);
    expect(from('idNumber')).toEqual(['population.personalId']);
    expect(from('phone')).toEqual(['population.phone', 'personal.phone']);
    expect(fieldOf(procedure, 'birthDate')).toMatchObject({ allowYearOnly: true });
    expect(procedure.fields.filter((f) => f.prefill?.lock).map((f) => f.id)).toEqual(['fullName', 'birthDate', 'idNumber', 'signatoryName']);
  });
});

describe('the portal-only procedures keep every row FORMS.md found', () => {
  it.each([
    ['1.005092', '§2', 13],
    ['2.000535', '§5', 9],
  ] as const)('%s cites each of the rows of FORMS.md %s (%i)', (code, section, rows) => {
    const cited = new Set(get(code).fields.map((f) => f.source.ref?.match(new RegExp(`^FORMS\\.md ${section} #(\\d+)$`))?.[1]).filter(Boolean).map(Number));
    expect([...cited].sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  });
});

// ---------------------------------------------------------------------------------------------
// docs/procedures.md

const doc = readFileSync(new URL('docs/procedures.md', ROOT), 'utf8');

/** The text under `## <code> — …`, up to the next `## `. */
function sectionOf(code: string): string {
  const parts = doc.split(/^## /m);
  const section = parts.find((part) => part.startsWith(`${code} `));
  if (!section) throw new Error(`docs/procedures.md has no "## ${code}" section`);
  return section;
}

/** Ids in the first column of the table under `### <title>`. */
function tableIds(section: string, title: string): string[] {
  const start = section.indexOf(`### ${title}`);
  if (start < 0) throw new Error(`no "### ${title}"`);
  const body = section.slice(start).split(/^### /m)[1] ?? '';
  return [...body.matchAll(/^\| `([A-Za-z0-9_]+)` \|/gm)].map((m) => m[1]!);
}

const tally = (xs: Array<Field | DossierComponent>) => {
  const count = (tag: string) => xs.filter((x) => x.source.tag === tag).length;
  return `${xs.length} (V ${count('V')}, P ${count('P')}, R ${count('R')})`;
};

describe('docs/procedures.md', () => {
  it.each(CODES)('lists every [P]/[R] field and component of %s, and nothing else, with its tag', (code) => {
    const procedure = get(code);
    const section = sectionOf(code);
    const fields = procedure.fields.filter(unverified);
    const components = (procedure.documents ?? []).filter(unverified);
    expect(tableIds(section, 'Fields to check')).toEqual(fields.map((f) => f.id));
    expect(tableIds(section, 'Components to check')).toEqual(components.map((c) => c.id));
    for (const x of [...fields, ...components]) expect(section).toMatch(new RegExp(`^\\| \`${x.id}\` \\| [^\\n]+ \\| ${x.source.tag} \\| \\S[^\\n]* \\|$`, 'm'));
  });

  it.each(CODES)('states the status and the field and component counts of %s by tag', (code) => {
    const procedure = get(code);
    const section = sectionOf(code);
    expect(section).toContain(`- Status: **${procedure.status}**, version ${procedure.version}.`);
    expect(section).toContain(`- Fields: ${tally(procedure.fields)}.`);
    expect(section).toContain(`- Components: ${tally(procedure.documents ?? [])}.`);
    expect(section).toMatch(/\*\*Next step:\*\*/);
    const summary = doc.match(new RegExp(`^\\| ${code.replace('.', '\\.')} \\|.*\\| (\\d+) \\((\\d+)/(\\d+)/(\\d+)\\) \\| (\\d+) \\((\\d+)/(\\d+)/(\\d+)\\) \\|$`, 'm'));
    expect(summary, `summary row of ${code}`).not.toBeNull();
    const [, ...numbers] = summary!;
    const counts = (xs: Array<Field | DossierComponent>) => [xs.length, ...(['V', 'P', 'R'] as const).map((t) => xs.filter((x) => x.source.tag === t).length)].map(String);
    expect(numbers).toEqual([...counts(procedure.fields), ...counts(procedure.documents ?? [])]);
  });

  it.each(CODES)('names every field id of %s for page authors', (code) => {
    const line = sectionOf(code).match(/^- Field ids \(HTML `name`s\): (.+)$/m)?.[1] ?? '';
    for (const field of get(code).fields) expect(line, field.id).toMatch(new RegExp(`[\`{ ]${field.id}[\`,}[]`));
  });
});
