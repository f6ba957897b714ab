import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationHistogram, HISTOGRAM_RELATIVE_ERROR, bucketOf, bucketValue } from './kpi-histogram.js';

describe('DurationHistogram', () => {
  it('reads any value back within 1/128 of it, exactly below 128 ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (v) => {
        const read = bucketValue(bucketOf(v));
        expect(Math.abs(read - v)).toBeLessThanOrEqual(v * HISTOGRAM_RELATIVE_ERROR);
        if (v < 128) expect(read).toBe(v);
      }),
    );
  });

  it('gives the weighted nearest-rank percentile within the stated error', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2_678_400_000 }), fc.constantFrom(1, 2, 4)), { minLength: 1, maxLength: 200 }), fc.constantFrom(0.5, 0.9, 0.95), (values, p) => {
        const h = new DurationHistogram();
        for (const [v, w] of values) h.add(v, w);
        const sorted = [...values].sort((a, b) => a[0] - b[0]);
        const total = sorted.reduce((s, [, w]) => s + w, 0);
        let running = 0;
        const exact = sorted.find(([, w]) => (running += w) >= p * total)![0];
        expect(Math.abs(h.percentile(p)! - exact)).toBeLessThanOrEqual(exact * HISTOGRAM_RELATIVE_ERROR + 1e-9);
      }),
    );
  });

  it('is null when empty and exact for a single value', () => {
    const h = new DurationHistogram();
    expect(h.percentile(0.5)).toBeNull();
    h.add(274_000);
    expect(h.percentile(0.5)).toBe(274_000);
    expect(h.percentile(0.95)).toBe(274_000);
  });
});
