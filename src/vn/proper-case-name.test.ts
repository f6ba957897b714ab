import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { properCaseName } from './proper-case-name.js';

describe('properCaseName', () => {
  it.each([
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['TRẦN THỊ THU HÀ', 'Trần Thị Thu Hà'],
    ['ĐẶNG ĐỨC THẮNG', 'Đặng Đức Thắng'],
    ['LÊ HOÀNG ÁNH TUYẾT', 'Lê Hoàng Ánh Tuyết'],
    ['PHẠM NGỌC ƯỚC', 'Phạm Ngọc Ước'],
    ['HỒ THỊ Ý', 'Hồ Thị Ý'],
    ['TÔN NỮ HOÀNG OANH', 'Tôn Nữ Hoàng Oanh'],
    ['H\'HEN NIÊ', 'H\'Hen Niê'],
    ['KSOR H’BLIN', 'Ksor H’Blin'],
    ['Y MOAN ÊNUÔL', 'Y Moan Ênuôl'],
    ['LÒ VĂN PÁ', 'Lò Văn Pá'],
    ['NÔNG THỊ XUÂN', 'Nông Thị Xuân'],
    ['THẠCH SÔ PHA', 'Thạch Sô Pha'],
    ['NGUYỄN VĂN A', 'Nguyễn Văn A'],
    ['nguyễn thị bích', 'Nguyễn Thị Bích'],
  ])('proper-cases %s', (input, expected) => {
    expect(properCaseName(input)).toBe(expected);
  });

  it('proper-cases NFD input and returns NFC', () => {
    expect(properCaseName('NGUYỄN THỊ HOÀ'.normalize('NFD'))).toBe('Nguyễn Thị Hoà');
  });

  it('keeps a name already in mixed case as the person wrote it', () => {
    for (const name of ['Nguyễn văn An', 'McDonald Trần', 'H\'Hen Niê', 'Trần Thị Thu Hà']) expect(properCaseName(name)).toBe(name);
  });

  it('keeps the old and new tone placement the name was written with', () => {
    expect(properCaseName('TRẦN THỊ HOÀ')).toBe('Trần Thị Hoà');
    expect(properCaseName('TRẦN THỊ HÒA')).toBe('Trần Thị Hòa');
  });

  it('does not turn Ð (U+00D0) into Đ', () => {
    expect(properCaseName('ÐỖ AN')).toBe('\u00D0ỗ An');
  });

  it('gives an empty string for anything that is not a string', () => {
    expect(properCaseName(42)).toBe('');
    expect(properCaseName(null)).toBe('');
  });
});

describe('properCaseName casing', () => {
  it('gives exactly what the vi locale gives, for any text', async () => {
    const fc = (await import('fast-check')).default;
    const viProperCase = (text: string) => {
      const name = normalizeText(text);
      const upper = name.toLocaleUpperCase('vi');
      const lower = name.toLocaleLowerCase('vi');
      if (name !== upper && name !== lower) return name;
      return name.replace(/\p{L}[\p{L}\p{M}]*/gu, (run) => {
        const first = String.fromCodePoint(run.codePointAt(0)!);
        const head = first.toLocaleUpperCase('vi');
        return (head.length === first.length ? head : first) + run.slice(first.length).toLocaleLowerCase('vi');
      });
    };
    const vietnamese = fc.string({ unit: fc.constantFrom(...'AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ ΣßİIı'.split('')) });
    fc.assert(fc.property(fc.oneof(vietnamese, fc.string({ unit: 'binary' })), (text) => {
      expect(properCaseName(text)).toBe(viProperCase(text));
      expect(properCaseName(text.toUpperCase())).toBe(viProperCase(text.toUpperCase()));
    }), { numRuns: 2000 });
  });
});
