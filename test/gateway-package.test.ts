/**
 * The built `oncefill/server` and `oncefill/testing` entries: the gateway stays out of every
 * browser bundle, and the test kit depends on `msw` only (not `msw/node`), so it can serve
 * `setupWorker` later.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, bundle } from './bundle-size.js';

/** Strings only the gateway's code holds. */
const GATEWAY_MARKERS = /oncefill\/gateway\/v1|createPrefillGateway|DanhSachGiayToKetQua|CongdanCollection/;

describe('the gateway in the package', () => {
  it.each(['oncefill', 'oncefill/dom', 'oncefill/vn'])('%s carries no gateway code', async (entry) => {
    expect(await bundle(`export * from '${entry}';`)).not.toMatch(GATEWAY_MARKERS);
  });

  it('the marker check recognizes the gateway where it belongs (oncefill/server on Node)', async () => {
    expect(await bundle(`import { createPrefillGateway } from 'oncefill/server'; console.log(createPrefillGateway);`, 'node')).toMatch(GATEWAY_MARKERS);
  });

  it('oncefill/testing imports msw and never msw/node', () => {
    for (const file of ['dist/testing.js', 'dist/testing.cjs']) {
      const text = readFileSync(`${ROOT}${file}`, 'utf8');
      expect(text).toMatch(/["']msw["']/);
      expect(text).not.toMatch(/msw\/node/);
    }
  });
});
