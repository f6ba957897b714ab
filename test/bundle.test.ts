import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVAL_PATTERN, ROOT, bundle, gzipBytes } from './bundle-size.js';

const KB = 1024;
/** Markers of the old → new unit mapping (`src/vn/units/units-data.generated.ts`), which stays on Node. */
const UNIT_MAPPING = /old_ward|oldWards|oldWardCode|ward-mapping/;
const iife = readFileSync(`${ROOT}dist/oncefill.global.js`, 'utf8');

describe('the one-tag embed (dist/oncefill.global.js)', () => {
  // DESIGN.md's budget: everything a legacy page needs, timing and telemetry included (OTLP and the
  // on-demand UI file not). docs/decisions/007-embed-budget.md: how it fits, and where the bytes are.
  it('stays within 24 KB min+gzip', () => {
    expect(gzipBytes(iife)).toBeLessThanOrEqual(24 * KB);
  });

  it('needs no eval under a strict CSP', () => {
    expect(iife).not.toMatch(EVAL_PATTERN);
  });

  it('carries no zod (the embed checks definitions with the structural guard)', () => {
    expect(iife).not.toMatch(/ZodError|\$ZodType|zod\/v4|invalid_type/);
  });

  it('defines the Oncefill global', () => {
    expect(iife).toMatch(/^"use strict";var Oncefill=|^var Oncefill=/);
  });
});

describe('browser entries', () => {
  const browserImports: Array<[entry: string, code: string]> = [
    ['oncefill', `export * from 'oncefill';`],
    ['oncefill/dom', `export * from 'oncefill/dom';`],
    ['oncefill/vn', `export * from 'oncefill/vn';`],
    ['oncefill/otlp', `export * from 'oncefill/otlp';`],
  ];

  it.each(browserImports)('%s needs no eval, and pulls in neither classic zod, ajv nor the unit mapping', async (_entry, code) => {
    const text = await bundle(code);
    expect(text).not.toMatch(EVAL_PATTERN);
    // Classic zod registers "ZodString", "ZodObject"…; zod/mini registers "ZodMiniString"….
    expect(text).not.toMatch(/["']Zod(String|Object|Number|Union)["']|ZodObjectJIT/);
    expect(text).not.toMatch(/ajv|json-schema-traverse/i);
    expect(text).not.toMatch(UNIT_MAPPING);
  });

  it('the unit-mapping check recognizes the mapping where it belongs (oncefill/vn/units on Node)', async () => {
    expect(await bundle(`import { newWardsForOldWard } from 'oncefill/vn/units'; console.log(newWardsForOldWard);`, 'node')).toMatch(UNIT_MAPPING);
  });

  it('oncefill/vn stays within 8 KB min+gzip, all helpers included', async () => {
    expect(gzipBytes(await bundle(`export * from 'oncefill/vn';`))).toBeLessThanOrEqual(8 * KB);
  });

  it('the core import (parseProcedure + createGatewaySources + resolvePrefill) stays within 20 KB min+gzip', async () => {
    const text = await bundle(`import { parseProcedure, createGatewaySources, resolvePrefill } from 'oncefill'; console.log(parseProcedure, createGatewaySources, resolvePrefill);`);
    expect(gzipBytes(text)).toBeLessThanOrEqual(20 * KB);
    // The browser validates against the generated JSON Schema: zod's run time never ships.
    expect(text).not.toMatch(/ZodMini|\$ZodType|globalRegistry/);
  });
});
