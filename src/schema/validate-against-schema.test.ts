import { describe, expect, it } from 'vitest';
import schema from './procedure.schema.json';
import { SUPPORTED_KEYWORDS, validateAgainstSchema } from './validate-against-schema.js';

function keywordsOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keywordsOf(item, into);
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node)) {
      // Under `properties` and `$defs` the keys are names, not keywords.
      if (key === 'properties' || key === '$defs') for (const child of Object.values(value as object)) keywordsOf(child, into);
      else {
        into.add(key);
        keywordsOf(value, into);
      }
    }
  return into;
}

describe('validateAgainstSchema', () => {
  it('implements every keyword the generated definition schema uses', () => {
    const unsupported = [...keywordsOf(schema)].filter((k) => !(SUPPORTED_KEYWORDS as readonly string[]).includes(k));
    expect(unsupported).toEqual([]);
  });

  it('follows $ref chains, counts code points and picks oneOf branches by their constant', () => {
    const root = {
      $defs: { a: { $ref: '#/$defs/b' }, b: { type: 'string', maxLength: 2 } },
      type: 'object',
      properties: {
        s: { $ref: '#/$defs/a' },
        u: { oneOf: [{ type: 'object', properties: { k: { const: 'x' }, n: { type: 'integer' } }, required: ['k'] }, { type: 'object', properties: { k: { const: 'y' } }, required: ['k'] }] },
      },
    };
    expect(validateAgainstSchema(root, { s: '😀😀' })).toEqual([]);
    expect(validateAgainstSchema(root, { s: 'abc' })).toEqual([expect.objectContaining({ path: '$.s', code: 'too-big' })]);
    expect(validateAgainstSchema(root, { u: { k: 'x', n: 1.5 } })).toEqual([expect.objectContaining({ path: '$.u.n', code: 'invalid-type' })]);
    expect(validateAgainstSchema(root, { u: { k: 'z' } })).toEqual([expect.objectContaining({ path: '$.u.k', code: 'invalid-value' })]);
  });
});
