/**
 * The adapters against hand-reviewed golden files: for every fixture and every national record
 * it holds, the catalogue attributes the gateway derives (values, verification, dates, reasons).
 * `UPDATE_GOLDEN=1 npx vitest run src/testing/golden.test.ts` rewrites them; read every line
 * of the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adaptBusinessRecord } from '../server/adapt-business-record.js';
import { adaptPersonalStore } from '../server/adapt-personal-store.js';
import { adaptPopulationRecord } from '../server/adapt-population.js';
import { adaptResultList } from '../server/adapt-results.js';
import { FIXTURE_DOCUMENT_TYPES, fixtures } from './fixtures.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const options = { documentTypes: FIXTURE_DOCUMENT_TYPES };

const cases: Array<[file: string, adapt: () => unknown]> = [
  ...fixtures.citizens.flatMap((c, i) => [
    [`citizen-${i}.population.json`, () => adaptPopulationRecord(c.population)] as [string, () => unknown],
    [`citizen-${i}.results.json`, () => adaptResultList(c.results, options)] as [string, () => unknown],
    [`citizen-${i}.personal.json`, () => adaptPersonalStore(c.personal, options)] as [string, () => unknown],
  ]),
  ...fixtures.businesses.flatMap((b, i) => [
    [`business-${i}.business.json`, () => adaptBusinessRecord(b.business)] as [string, () => unknown],
    [`business-${i}.results.json`, () => adaptResultList(b.results, options)] as [string, () => unknown],
  ]),
];

describe('golden attributes per fixture and source', () => {
  it.each(cases)('%s matches the hand-reviewed golden file', (file, adapt) => {
    const actual = JSON.parse(JSON.stringify(adapt())) as unknown;
    const url = new URL(file, GOLDEN);
    if (process.env.UPDATE_GOLDEN === '1') {
      if (!existsSync(GOLDEN)) mkdirSync(GOLDEN);
      writeFileSync(url, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(url, 'utf8')));
  });
});
