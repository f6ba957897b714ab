/**
 * Steps after tsup: ship the JSON Schema beside the code, write the administrative-unit list
 * for pickers (`dist/vn/units.json`) with the data's upstream notices (`dist/vn/NOTICE`), and
 * print the Subresource Integrity hash of the one-tag embed for the README's `<script integrity>` tag.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { unitList } from '../src/vn/units/unit-list.js';

const dist = new URL('../dist/', import.meta.url);
copyFileSync(new URL('../src/schema/procedure.schema.json', import.meta.url), new URL('procedure.schema.json', dist));

// The current 34 provinces and 3,321 communes only: the old→new mapping stays on Node.
mkdirSync(new URL('vn/', dist), { recursive: true });
writeFileSync(new URL('vn/units.json', dist), JSON.stringify(unitList));
writeFileSync(new URL('vn/NOTICE', dist), `${unitList.notice}\n`);

const iife = readFileSync(new URL('oncefill.global.js', dist));
const sri = `sha384-${createHash('sha384').update(iife).digest('base64')}`;
console.log(`dist/oncefill.global.js  ${iife.length} bytes  integrity="${sri}"`);
