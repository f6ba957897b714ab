/**
 * Writes `docs/protocol/*.schema.json`, the JSON Schemas (2020-12) of every gateway protocol
 * message, from `src/server/protocol-schemas.ts` (the schemas the gateway itself checks with).
 * A test checks the committed files equal a fresh generation.
 *
 *   npx tsx scripts/generate-protocol-schemas.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { protocolJsonSchemas } from '../src/server/protocol-schemas.js';

export const PROTOCOL_SCHEMA_DIR = fileURLToPath(new URL('../docs/protocol/', import.meta.url));

/** File name → file text. */
export function generateProtocolSchemas(): Record<string, string> {
  return Object.fromEntries(Object.entries(protocolJsonSchemas).map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(PROTOCOL_SCHEMA_DIR, { recursive: true });
  for (const [name, text] of Object.entries(generateProtocolSchemas())) writeFileSync(`${PROTOCOL_SCHEMA_DIR}${name}`, text);
}
