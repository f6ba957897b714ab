import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, isEmptyValue } from './evaluate-condition.js';
import type { Condition } from './procedure-format.js';

describe('evaluateCondition', () => {
  const values = { kind: 'organization', count: 2, scope: ['a', 'c'], agree: true, note: '  ', 'rows[1].x': 'row' , x: 'top' };

  const table: Array<[name: string, condition: Condition, expected: boolean]> = [
    ['eq matches a string exactly', { field: 'kind', eq: 'organization' }, true],
    ['eq never converts types', { field: 'count', eq: '2' }, false],
    ['eq matches a number', { field: 'count', eq: 2 }, true],
    ['eq null matches an absent field', { field: 'missing', eq: null }, true],
    ['eq on a list means contains', { field: 'scope', eq: 'c' }, true],
    ['in matches one of the values', { field: 'kind', in: ['individual', 'organization'] }, true],
    ['in on a list matches any item', { field: 'scope', in: ['b', 'c'] }, true],
    ['in misses', { field: 'kind', in: ['individual'] }, false],
    ['empty is true for whitespace', { field: 'note', empty: true }, true],
    ['empty is true for an absent field', { field: 'missing', empty: true }, true],
    ['empty false for a ticked checkbox', { field: 'agree', empty: false }, true],
    ['all needs every part', { all: [{ field: 'kind', eq: 'organization' }, { field: 'agree', eq: true }] }, true],
    ['any needs one part', { any: [{ field: 'kind', eq: 'x' }, { field: 'agree', eq: true }] }, true],
    ['not negates', { not: { field: 'kind', eq: 'organization' } }, false],
  ];

  it.each(table)('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, values)).toBe(expected);
  });

  it('looks a field up in the row first, then at the top level', () => {
    expect(evaluateCondition({ field: 'x', eq: 'row' }, values, 'rows[1].')).toBe(true);
    expect(evaluateCondition({ field: 'x', eq: 'top' }, values, 'rows[0].')).toBe(true);
    expect(evaluateCondition({ field: 'x', eq: 'top' }, values)).toBe(true);
  });

  it('is false, never throws, for malformed conditions and values', () => {
    const bad: unknown[] = [null, 42, 'x', [], {}, { field: 1, eq: 1 }, { all: 'x' }, { not: null }, { field: 'kind' }, { all: [] }];
    for (const condition of bad) expect(evaluateCondition(condition as Condition, values)).toBe(false);
    expect(evaluateCondition({ field: 'kind', eq: 'organization' }, null as never)).toBe(false);
    const deep = JSON.parse('{"not":'.repeat(5000) + '{"field":"kind","eq":"x"}' + '}'.repeat(5000)) as Condition;
    expect(evaluateCondition(deep, values)).toBe(false);
  });

  it('reads only own properties: __proto__ and constructor are ordinary (absent) names', () => {
    expect(evaluateCondition({ field: 'constructor', empty: true }, {})).toBe(true);
    expect(evaluateCondition({ field: '__proto__', empty: true }, JSON.parse('{"__proto__": "x"}'))).toBe(false);
  });

  it('keeps not(not(c)) equal to c for any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string())), fc.string(), (value, eq) => {
        const c: Condition = { field: 'f', eq };
        expect(evaluateCondition({ not: { not: c } }, { f: value })).toBe(evaluateCondition(c, { f: value }));
      }),
    );
  });
});

describe('isEmptyValue', () => {
  it('counts 0 and "0" as values, and an address of empty parts as empty', () => {
    expect(isEmptyValue(0)).toBe(false);
    expect(isEmptyValue('0')).toBe(false);
    expect(isEmptyValue({ detail: '', wardCode: '' })).toBe(true);
    expect(isEmptyValue({ detail: '', wardCode: '00004' })).toBe(false);
  });
});
