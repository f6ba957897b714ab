import { describe, expect, it } from 'vitest';
import { parsePort } from '../demo/port.js';

describe('the demo PORT', () => {
  it('is 8080 when unset or empty', () => {
    expect(parsePort(undefined)).toBe(8080);
    expect(parsePort('')).toBe(8080);
  });
  it('takes decimal digits 0–65535 (0: a free port)', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('1')).toBe(1);
    expect(parsePort('8081')).toBe(8081);
    expect(parsePort('65535')).toBe(65535);
  });
  it('refuses anything else, even what Number() would read as a number', () => {
    for (const text of ['1e3', '0x1F99', ' 8080', '8080 ', '+80', '-1', '80.0', '65536', '123456', 'abc', '0o17', '0b1']) expect(parsePort(text), text).toBeUndefined();
  });
});
