/**
 * Writes the published JSON Schema (2020-12) of the procedure definition format from the same
 * zod source as the TypeScript types. Run by `npm run build`; a test checks the committed
 * file equals a fresh generation.
 *
 *   npx tsx scripts/generate-schema.ts          # write src/schema/procedure.schema.json
 *   npx tsx scripts/generate-schema.ts --print  # print it instead
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { procedureSchema } from '../src/schema/procedure-format.js';

export const SCHEMA_ID = 'https://oncefill.dev/schema/procedure-1.json';
export const SCHEMA_FILE = fileURLToPath(new URL('../src/schema/procedure.schema.json', import.meta.url));

/** zod's integers carry the safe-integer range as bounds; JSON Schema's `integer` says enough. */
function dropSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropSafeIntegerBounds);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'minimum' && value === -Number.MAX_SAFE_INTEGER) || (key === 'maximum' && value === Number.MAX_SAFE_INTEGER)) continue;
    out[key] = dropSafeIntegerBounds(value);
  }
  return out;
}

export function generateProcedureSchema(): string {
  const schema = dropSafeIntegerBounds(z.toJSONSchema(procedureSchema, { target: 'draft-2020-12', reused: 'ref', unrepresentable: 'throw' }));
  const { $schema, ...rest } = schema as Record<string, unknown>;
  const out = { $schema, $id: SCHEMA_ID, title: 'oncefill procedure definition, format 1', ...rest };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generateProcedureSchema();
  if (process.argv.includes('--print')) process.stdout.write(text);
  else writeFileSync(SCHEMA_FILE, text);
}
