import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_FILE, renderDoc } from './telemetry-doc.js';

describe('docs/telemetry.md', () => {
  it('publishes exactly the schemas the code uses (npx tsx src/telemetry/telemetry-doc.ts rewrites it)', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    expect(doc).toBe(renderDoc(doc));
  });
});
