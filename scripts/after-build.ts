/**
 * Steps after tsup: ship the JSON Schema beside the code, and print the Subresource Integrity
 * hash of the one-tag embed for the README's `<script integrity>` tag.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
copyFileSync(new URL('../src/schema/procedure.schema.json', import.meta.url), new URL('procedure.schema.json', dist));

const iife = readFileSync(new URL('oncefill.global.js', dist));
const sri = `sha384-${createHash('sha384').update(iife).digest('base64')}`;
console.log(`dist/oncefill.global.js  ${iife.length} bytes  integrity="${sri}"`);
