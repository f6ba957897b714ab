import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdWindow } from './ingest-id-window.js';

describe('IdWindow', () => {
  it('answers like a set of the last `size` new ids, whatever the order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 400 }), (size, picks) => {
        const window = new IdWindow(size);
        const model: string[] = [];
        for (const pick of picks) {
          const id = `event${pick}`.padEnd(22, 'x');
          const fresh = !model.includes(id);
          expect(window.add(id)).toBe(fresh);
          if (fresh) {
            model.push(id);
            if (model.length > size) model.shift();
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
