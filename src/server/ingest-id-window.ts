/**
 * The ids of the last `size` accepted events, for dropping duplicates in fixed memory: each id
 * is kept as a 64-bit hash in typed arrays (an open-addressing table with linear probing, and a
 * ring saying which id leaves next), so a million ids passing through create no garbage for the
 * collector to chase. Two different ids collide with probability about size / 2^64 per lookup
 * (5 × 10⁻¹⁵ at the default window): a collision would drop one event as a duplicate.
 */
export class IdWindow {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly mask: number;
  private readonly ringHi: Uint32Array;
  private readonly ringLo: Uint32Array;
  private readonly hash = new Uint32Array(2);
  private next = 0;
  private filled = 0;

  constructor(private readonly size: number) {
    let capacity = 1;
    while (capacity < size * 2) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.ringHi = new Uint32Array(size);
    this.ringLo = new Uint32Array(size);
  }

  /**
   * Adds `id`, or the pair `id` and `second` (the same as adding `${id} ${second}`, without
   * building that string); false when it is already in the window (a duplicate).
   */
  add(id: string, second?: string): boolean {
    hashId(this.hash, id, second);
    const hi = this.hash[0]!;
    const lo = this.hash[1]!;
    let slot = slotOf(hi, lo, this.mask);
    while (this.hi[slot] !== 0 || this.lo[slot] !== 0) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return false;
      slot = (slot + 1) & this.mask;
    }
    if (this.filled === this.size) this.remove(this.ringHi[this.next]!, this.ringLo[this.next]!);
    else this.filled++;
    // The removal may have shifted entries: find the free slot again.
    slot = slotOf(hi, lo, this.mask);
    while (this.hi[slot] !== 0 || this.lo[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.ringHi[this.next] = hi;
    this.ringLo[this.next] = lo;
    this.next = (this.next + 1) % this.size;
    return true;
  }

  /** Removes a hash, shifting later entries of its probe run back (no tombstones). */
  private remove(hi: number, lo: number): void {
    let slot = slotOf(hi, lo, this.mask);
    while (this.hi[slot] !== hi || this.lo[slot] !== lo) {
      if (this.hi[slot] === 0 && this.lo[slot] === 0) return;
      slot = (slot + 1) & this.mask;
    }
    let hole = slot;
    for (let j = (hole + 1) & this.mask; this.hi[j] !== 0 || this.lo[j] !== 0; j = (j + 1) & this.mask) {
      // Move j into the hole unless its home lies cyclically in (hole, j].
      if (!homeBetween(slotOf(this.hi[j]!, this.lo[j]!, this.mask), hole, j)) {
        this.hi[hole] = this.hi[j]!;
        this.lo[hole] = this.lo[j]!;
        hole = j;
      }
    }
    this.hi[hole] = 0;
    this.lo[hole] = 0;
  }
}

/**
 * A 64-bit hash of `text` (or of `text`, a space and `second`) into `out[0]` (high half) and
 * `out[1]` (low half): two independent 32-bit FNV-1a-style lanes. Never (0, 0), which marks an
 * empty slot in the tables that use it.
 */
export function hashId(out: Uint32Array, text: string, second?: string): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ (second === undefined ? text.length : text.length + 1 + second.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  if (second !== undefined) {
    h1 = Math.imul(h1 ^ 32, 0x01000193);
    h2 = Math.imul(h2 ^ 32, 0x5bd1e995) ^ (h2 >>> 15);
    for (let i = 0; i < second.length; i++) {
      const c = second.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  const hi = h1 >>> 0;
  out[0] = hi;
  out[1] = (h2 | (hi === 0 ? 1 : 0)) >>> 0;
}

/** The home slot of a hash in a table of `mask + 1` slots. */
export const slotOf = (hi: number, lo: number, mask: number) => (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;

/**
 * Whether `home` lies cyclically in (hole, j]: then the entry at j may not move back into the
 * hole of a backward-shift deletion (it would sit before its home slot).
 */
export const homeBetween = (home: number, hole: number, j: number) => (hole <= j ? home > hole && home <= j : home > hole || home <= j);
