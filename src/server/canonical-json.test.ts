import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../scripts/shared-data.js';
import { CANONICAL_JSON_MAX_DEPTH, canonicalJson } from './canonical-json.js';

const JCS = sharedData('jcs-testdata');
const jcsNames = readdirSync(join(JCS, 'input')).filter((name) => name.endsWith('.json'));

describe('canonicalJson against the RFC 8785 reference vectors', () => {
  it('finds all six reference files', () => {
    expect(jcsNames.sort()).toEqual(['arrays.json', 'french.json', 'structures.json', 'unicode.json', 'values.json', 'weird.json']);
  });

  it.each(jcsNames)('reproduces output/%s byte for byte', (name) => {
    const input = JSON.parse(readFileSync(join(JCS, 'input', name), 'utf8')) as unknown;
    const expected = readFileSync(join(JCS, 'output', name));
    expect(Buffer.from(canonicalJson(input), 'utf8').equals(expected)).toBe(true);
  });

  it.each(jcsNames)('reproduces outhex of %s', (name) => {
    const input = JSON.parse(readFileSync(join(JCS, 'input', name), 'utf8')) as unknown;
    const hex = readFileSync(join(JCS, 'outhex', name.replace(/\.json$/, '.txt')), 'utf8').replace(/\s+/g, '').toLowerCase();
    expect(Buffer.from(canonicalJson(input), 'utf8').toString('hex')).toBe(hex);
  });
});

describe('canonicalJson', () => {
  it('writes numbers as ECMAScript does', () => {
    expect(canonicalJson([1e21, 1e20, -0, 0.1, 1e-7, 0.000001, 5e-324, 2 ** 53 + 2, 333333333.33333329, 1e30, 4.5, 2e-3])).toBe(
      '[1e+21,100000000000000000000,0,0.1,1e-7,0.000001,5e-324,9007199254740994,333333333.3333333,1e+30,4.5,0.002]',
    );
  });

  it('escapes only quote, backslash and control characters, in lower-case hex', () => {
    expect(canonicalJson('\u0000\u001f\u007f\b\t\n\f\r"\\/é€😂')).toBe('"\\u0000\\u001f\u007f\\b\\t\\n\\f\\r\\"\\\\/é€😂"');
  });

  it('sorts keys by UTF-16 code units, not code points or locale', () => {
    expect(canonicalJson({ '\uffff': 1, '\u{10000}': 2, é: 3, e: 4, E: 5 })).toBe('{"E":5,"e":4,"é":3,"𐀀":2,"\uffff":1}');
  });

  it('keeps NFC and NFD text apart', () => {
    const nfc = 'Nguyễn'.normalize('NFC');
    expect(canonicalJson(nfc)).not.toBe(canonicalJson(nfc.normalize('NFD')));
    expect(canonicalJson(nfc.normalize('NFD'))).toBe(`"${nfc.normalize('NFD')}"`);
  });

  it('leaves out object properties that are undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
  });

  it('writes an own __proto__ key like any other', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('accepts objects without a prototype', () => {
    const value = Object.assign(Object.create(null) as object, { b: 1, a: [] });
    expect(canonicalJson(value)).toBe('{"a":[],"b":1}');
  });

  it.each<[string, unknown]>([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity in an array', [Number.NEGATIVE_INFINITY]],
    ['a bigint', 1n],
    ['undefined', undefined],
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
    ['a reversed surrogate pair', '\udc00\ud800'],
    ['a lone surrogate in a key', { '\ud800': 1 }],
  ])('refuses %s', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(/^\[oncefill\] canonicalJson: /);
  });

  it(`refuses nesting deeper than ${CANONICAL_JSON_MAX_DEPTH} levels, and cycles`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < CANONICAL_JSON_MAX_DEPTH; i++) deep = [deep];
    expect(canonicalJson(deep)).toMatch(/^\[{64}1\]{64}$/);
    expect(() => canonicalJson([deep])).toThrow(/nested deeper/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/nested deeper/);
  });

  it('never quotes the value it refuses', () => {
    expect(() => canonicalJson({ personalId: '001190012345\ud800' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('001190012345') }));
  });
});

describe('canonicalJson properties', () => {
  const json = fc.jsonValue({ maxDepth: 6 });

  it('parses back to the same value (numbers included)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is idempotent: canonicalizing canonical text gives the same text', () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('does not depend on the order of object keys', () => {
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it('does not depend on whitespace in the JSON text', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(value, null, 3)))).toBe(canonicalJson(value));
      }),
    );
  });

  it('writes every finite double as ECMAScript Number.prototype.toString, and reads back the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = canonicalJson(n);
        expect(text).toBe(Object.is(n, -0) ? '0' : n.toString());
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('sorts keys so that each is less than the next in UTF-16 code units', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.constant(0)), (dict) => {
        const keys = Object.keys(JSON.parse(canonicalJson(dict)) as object);
        for (let i = 1; i < keys.length; i++) expect(compareUnits(keys[i - 1]!, keys[i]!)).toBeLessThan(0);
      }),
    );
  });
});

/** Rebuilds objects with their keys in a seeded random order. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, seed + 1));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  let state = seed | 0;
  for (let i = entries.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    const j = Math.abs(state) % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) Object.defineProperty(out, key, { value: shuffleKeys(item, seed + 1), enumerable: true });
  return out;
}

/** Compares strings code unit by code unit, written out rather than trusting sort(). */
function compareUnits(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
