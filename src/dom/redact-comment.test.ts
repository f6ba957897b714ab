import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMENT_MAX_LENGTH, redactComment } from './redact-comment.js';

describe('redactComment', () => {
  it.each([
    ['Số CCCD của tôi là 001203004567, sai tên', 'Số CCCD của tôi là [number], sai tên'],
    ['Gọi tôi: 0912 345 678 nhé', 'Gọi tôi: [phone] nhé'],
    ['Hotline +84 912-345-678', 'Hotline [phone]'],
    ['Tổng đài (028) 3823 4567', 'Tổng đài ([phone]'],
    ['Email an.tran@example.com giúp tôi', 'Email [email] giúp tôi'],
    ['MST 0101234567-001', 'MST [number]-001'],
    ['Tài khoản 19034567890123456789', 'Tài khoản [number]'],
  ])('redacts %j', (input, expected) => {
    expect(redactComment(input)).toBe(expected);
  });

  it.each([
    'Ngày 01/06/2025 tôi nộp hồ sơ lúc 10.30',
    'Phí 1.000.000 đồng, chờ 15 ngày',
    'Năm 2024 - 2025, bước 3 chậm',
    'Mã thủ tục 1.004616',
  ])('keeps text without personal numbers: %j', (input) => {
    expect(redactComment(input)).toBe(input);
  });

  it('caps the comment after redacting it', () => {
    expect(redactComment('a'.repeat(2000))).toHaveLength(DEFAULT_COMMENT_MAX_LENGTH);
    expect(redactComment(`${'x'.repeat(95)} 001203004567`, 100)).toBe(`${'x'.repeat(95)} [num`);
  });

  it('never lets nine digits in a row, a phone number or an e-mail address through', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const separator = fc.constantFrom(' ', '.', '-', ' - ', '');
    const phone = fc.tuple(fc.constantFrom('0', '+84 ', '84'), digits(3), separator, digits(3), separator, digits(3)).map((p) => p.join(''));
    const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,10}$/), fc.stringMatching(/^[a-z]{1,8}\.[a-z]{2,4}$/)).map(([u, d]) => `${u}@${d}`);
    const secret = fc.oneof(digits(9), digits(12), phone, email);
    const words = fc.array(fc.constantFrom('Tôi', 'cần', 'sửa', 'hồ sơ', 'ngày 3/6', 'gấp', ',', 'số'), { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, secret, words, (before, s, after) => {
        const out = redactComment(`${before} ${s} ${after}`, 2000);
        return !out.includes(s) && !/\d{9}/.test(out) && !out.includes('@');
      }),
    );
  });
});
