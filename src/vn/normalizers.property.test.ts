/**
 * Properties every normalizer and checker of `oncefill/vn` keeps on arbitrary input: Unicode of
 * any kind (lone surrogates, runs of combining marks, lookalikes), empty and very long
 * strings, and values that are not strings at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLegacyId } from './check-legacy-id.js';
import { checkName } from './check-name.js';
import { checkPersonalId } from './check-personal-id.js';
import { checkTaxCode } from './check-tax-code.js';
import { isCalendarDate, type CalendarDate } from './calendar-date.js';
import { foldKey, toneKey } from './fold-key.js';
import { formatCalendarDate, toIsoCalendarDate } from './format-calendar-date.js';
import { joinName } from './join-name.js';
import { normalizePhone } from './normalize-phone.js';
import { normalizeText } from './normalize-text.js';
import { oldProvinceByCode } from './old-province.js';
import { parseAddress } from './parse-address.js';
import { parseCalendarDate, type CalendarDateFormat } from './parse-calendar-date.js';
import { parseGender } from './parse-gender.js';
import { properCaseName } from './proper-case-name.js';
import { createUnitIndex } from './unit-index.js';
import { unitList } from './units/unit-list.js';

const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠUƯYáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÐðİß'];
const MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B', '\u0307'];
const ODD = [' ', '  ', '\t', '\n', '\u00A0', '\u200B', '\uFEFF', '\u00AD', "'", '’', '-', '.', ',', '/', '0', '9', '\uD800', '\uDC00', '\uFFFD', 'ǅ', 'ﬀ', '한', '😀'];

/** Strings from every corner: any code point, any UTF-16 unit (lone surrogates), Vietnamese-shaped text with mark runs. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
  fc.string({ unit: fc.constantFrom(...VIETNAMESE, ...MARKS, ...ODD), maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...VIETNAMESE, ' '), maxLength: 60 }).map((s) => s.normalize('NFD')),
  fc.string({ unit: fc.constantFrom(...MARKS), minLength: 20, maxLength: 200 }),
);
const anything = fc.oneof(text, fc.anything());

const runs = { numRuns: 500 };

describe('text normalizers', () => {
  const normalizers = { normalizeText, foldKey, toneKey, properCaseName } as const;

  it.each(Object.entries(normalizers))('%s is idempotent and never throws on any string', (_name, f) => {
    fc.assert(
      fc.property(text, (s) => {
        const once = f(s);
        expect(typeof once).toBe('string');
        expect(f(once)).toBe(once);
      }),
      runs,
    );
  });

  it.each(Object.entries(normalizers))('%s never throws on values that are not strings', (_name, f) => {
    fc.assert(fc.property(fc.anything(), (v) => typeof f(v) === 'string'));
  });

  it('normalizeText returns well-formed NFC without edge whitespace', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = normalizeText(s);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s\s/);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      runs,
    );
  });

  it('foldKey and toneKey do not depend on the Unicode form or on case', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...VIETNAMESE.filter((c) => !'Ððİß'.includes(c)), ' '), maxLength: 40 }), (s) => {
        for (const key of [foldKey, toneKey]) {
          expect(key(s.normalize('NFD'))).toBe(key(s));
          expect(key(s.toLocaleUpperCase('vi'))).toBe(key(s));
        }
      }),
      runs,
    );
  });

  it('foldKey never maps Ð or ð to d', () => {
    fc.assert(fc.property(text, (s) => !/[Ðð]/.test(normalizeText(s)) || /ð/.test(foldKey(s))), runs);
  });

  it('joinName never throws and gives normalized text', () => {
    fc.assert(
      fc.property(fc.record({ family: anything, middle: anything, given: anything }, { requiredKeys: [] }), (parts) => {
        const name = joinName(parts as never);
        expect(name).toBe(normalizeText(name));
      }),
    );
  });
});

describe('checkers', () => {
  const units = createUnitIndex(unitList);
  const formats: CalendarDateFormat[] = ['auto', 'iso', 'dmy', 'yyyymmdd', 'ddmmyyyy'];

  it('return a result for any input and never throw', () => {
    fc.assert(
      fc.property(anything, anything, fc.constantFrom(...formats), (v, w, format) => {
        for (const result of [
          checkName(v),
          parseCalendarDate(v, { format }),
          checkPersonalId(v, { birthDate: w as never, gender: w as never }),
          checkLegacyId(v),
          checkTaxCode(v, { allowPersonalId: true }),
          checkTaxCode(v),
          normalizePhone(v),
        ])
          expect(typeof result.ok).toBe('boolean');
        formatCalendarDate(v as never, 'input');
        formatCalendarDate(v as never);
        toIsoCalendarDate(v as never);
        isCalendarDate(v);
        parseGender(v);
        oldProvinceByCode(v as never);
        expect(Array.isArray(parseAddress(v as never, units).problems)).toBe(true);
      }),
      runs,
    );
  });

  it('parse every written form of a valid date back to the same date', () => {
    const date = fc
      .record({ year: fc.integer({ min: 1800, max: 2199 }), month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => (month === undefined ? { year } : { year, month, day }))
      .filter(isCalendarDate);
    fc.assert(
      fc.property(date, (d: CalendarDate) => {
        const clean = JSON.parse(JSON.stringify(d)) as CalendarDate;
        expect(parseCalendarDate(toIsoCalendarDate(d)!, { format: 'iso' })).toMatchObject({ ok: true, date: clean });
        expect(parseCalendarDate(formatCalendarDate(d)!)).toMatchObject({ ok: true, date: clean });
        expect(parseCalendarDate(formatCalendarDate(d)!, { format: 'dmy' })).toMatchObject({ ok: true, date: clean });
        if (d.day !== undefined) expect(parseCalendarDate(formatCalendarDate(d, 'input')!)).toMatchObject({ ok: true, date: clean });
      }),
      runs,
    );
  });

  it('give the same answer for their own output (phone, tax code, IDs)', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(fc.oneof(digits(10), digits(11), digits(12), digits(13), text), (s) => {
        const phone = normalizePhone(s);
        if (phone.ok) {
          for (const again of [phone.e164, phone.national, phone.display]) expect(normalizePhone(again)).toMatchObject({ ok: true, e164: phone.e164, kind: phone.kind });
        }
        const tax = checkTaxCode(s, { allowPersonalId: true });
        if (tax.ok) expect(checkTaxCode(tax.value, { allowPersonalId: true })).toEqual(tax);
        const id = checkPersonalId(s);
        if (id.ok) expect(checkPersonalId(id.value)).toEqual(id);
      }),
      runs,
    );
  });
});
