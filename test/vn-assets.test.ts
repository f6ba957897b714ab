import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, gzipBytes } from './bundle-size.js';

const KB = 1024;
const json = readFileSync(`${ROOT}dist/vn/units.json`, 'utf8');

describe('dist/vn/units.json (the unit list browsers fetch for pickers)', () => {
  it('stays within 30 KB gzip', () => {
    expect(gzipBytes(json)).toBeLessThanOrEqual(30 * KB);
  });

  it('holds the current 34 provinces and 3,321 communes, with the version and the upstream notices', () => {
    const list = JSON.parse(json) as { version: string; notice: string; provinces: unknown[]; wards: unknown[] };
    expect(list.provinces).toHaveLength(34);
    expect(list.wards).toHaveLength(3321);
    expect(list.version).toBe('dvhcvn-20250701+thanglequoc-2026-07-25');
    expect(list.notice).toContain('Copyright (c) 2025 dvhcvn');
    expect(list.notice).toContain('Copyright (c) 2021 Thang Le Quoc');
  });

  it('carries no old → new mapping', () => {
    expect(json).not.toMatch(/ward-mapping|oldWards|Trúc Bạch|Thị trấn/);
  });

  it('is exported as oncefill/vn/units.json and read by createUnitIndex of the built oncefill/vn', async () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports: Record<string, unknown> };
    expect(pkg.exports['./vn/units.json']).toBe('./dist/vn/units.json');
    const vn = (await import(`${ROOT}dist/vn/index.js`)) as typeof import('../src/vn/index.js');
    const units = vn.createUnitIndex(JSON.parse(json));
    expect(vn.parseAddress('Số 5 Hoàng Diệu, Phường Ba Đình, Hà Nội', units).ward?.code).toBe('00004');
  });
});

describe('dist/vn/NOTICE', () => {
  it('ships both upstream MIT notices beside the data', () => {
    expect(existsSync(`${ROOT}dist/vn/NOTICE`)).toBe(true);
    const notice = readFileSync(`${ROOT}dist/vn/NOTICE`, 'utf8');
    expect(notice).toContain('Copyright (c) 2025 dvhcvn');
    expect(notice).toContain('Copyright (c) 2021 Thang Le Quoc');
    expect(notice.match(/Permission is hereby granted/g)).toHaveLength(2);
  });
});
