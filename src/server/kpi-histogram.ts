/**
 * A fixed histogram of durations in ms for percentiles over any number of events in constant
 * memory. Layout (log-linear, as HdrHistogram does it): values 0–63 ms have one bucket each;
 * every power of two above, [2^k, 2^(k+1)), is cut into 64 equal buckets of width 2^(k−6).
 * A bucket is read back as the middle of the whole milliseconds it holds, so the error is at
 * most half a bucket: (2^(k−6) − 1) / 2 ≤ 1/128 of the value (0.79 %), and none below 64 ms.
 * 1,728 buckets reach 2^32 ms (49 days), beyond the wire's 31-day bound. The exact smallest and
 * largest values are kept too, and a percentile never lies outside them (one value reads back
 * exactly).
 */

/** Buckets per power of two. */
export const HISTOGRAM_SUB_BUCKETS = 64;
/** Worst relative error of a percentile read from the histogram: 1/128. */
export const HISTOGRAM_RELATIVE_ERROR = 1 / (2 * HISTOGRAM_SUB_BUCKETS);
const SUB_BITS = 6;
const TOP_POWER = 32;
const BUCKETS = HISTOGRAM_SUB_BUCKETS + (TOP_POWER - SUB_BITS) * HISTOGRAM_SUB_BUCKETS;
const MAX_VALUE = 2 ** TOP_POWER - 1;

/** The bucket of a duration in ms (rounded down to whole ms, clamped to [0, 2^32 − 1]). */
export function bucketOf(ms: number): number {
  const v = Math.min(MAX_VALUE, Math.max(0, Math.floor(ms)));
  if (v < HISTOGRAM_SUB_BUCKETS) return v;
  const k = 31 - Math.clz32(v);
  const width = 2 ** (k - SUB_BITS);
  return HISTOGRAM_SUB_BUCKETS + (k - SUB_BITS) * HISTOGRAM_SUB_BUCKETS + Math.floor((v - 2 ** k) / width);
}

/** The value a bucket is read back as: the middle of the whole ms it holds. */
export function bucketValue(bucket: number): number {
  if (bucket < HISTOGRAM_SUB_BUCKETS) return bucket;
  const k = SUB_BITS + Math.floor((bucket - HISTOGRAM_SUB_BUCKETS) / HISTOGRAM_SUB_BUCKETS);
  const width = 2 ** (k - SUB_BITS);
  const lower = 2 ** k + ((bucket - HISTOGRAM_SUB_BUCKETS) % HISTOGRAM_SUB_BUCKETS) * width;
  return lower + (width - 1) / 2;
}

/** Weighted counts per bucket; the array is allocated on the first value. */
export class DurationHistogram {
  private counts: Float64Array | undefined;
  /** Sum of weights. */
  total = 0;
  min = Infinity;
  max = -Infinity;

  add(ms: number, weight = 1): void {
    (this.counts ??= new Float64Array(BUCKETS))[bucketOf(ms)]! += weight;
    this.total += weight;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  /**
   * The weighted nearest-rank percentile (`p` in (0, 1]): the value of the first bucket where the
   * running weight reaches `p` × total, kept within the smallest and largest value. `null` when empty.
   */
  percentile(p: number): number | null {
    if (!this.counts || this.total <= 0) return null;
    const target = p * this.total * (1 - 1e-12);
    let running = 0;
    for (let i = 0; i < BUCKETS; i++) {
      running += this.counts[i]!;
      if (running >= target && this.counts[i]! > 0) return Math.min(this.max, Math.max(this.min, bucketValue(i)));
    }
    return this.max;
  }

  /** Weighted counts re-binned into `[edges[i], edges[i+1])` by bucket value; the last bin is open. */
  bins(edges: readonly number[]): number[] {
    const out = edges.map(() => 0);
    if (!this.counts) return out;
    for (let i = 0; i < BUCKETS; i++) {
      const c = this.counts[i]!;
      if (c === 0) continue;
      const v = bucketValue(i);
      let j = edges.length - 1;
      while (j > 0 && v < edges[j]!) j--;
      out[j]! += c;
    }
    return out;
  }
}
