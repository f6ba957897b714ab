/**
 * The ids of the last `size` accepted events, for dropping duplicates in fixed memory: each id
 * is kept as a 64-bit hash in typed arrays (an open-addressing table with linear probing, and a
 * ring saying which id leaves next), so a million ids passing through create no garbage for the
 * collector to chase. Two different ids collide with probability about size / 2^64 per lookup
 * (5 × 10⁻¹⁵ at the default window): a collision would drop one event as a duplicate.
 */
export class IdWindow {
  /** Slot i holds a hash at 2i (high half) and 2i + 1 (low half): one cache line per probe. */
  private readonly table: Uint32Array;
  private readonly mask: number;
  /** The hashes in the order they came, the same way. */
  private readonly ring: Uint32Array;
  private readonly hash = new Uint32Array(2);
  private next = 0;
  private filled = 0;

  constructor(private readonly size: number) {
    let capacity = 1;
    while (capacity < size * 2) capacity *= 2;
    this.table = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
    this.ring = new Uint32Array(size * 2);
  }

  /**
   * Adds `id`, or the pair `id` and `second` (the same as adding `${id} ${second}`, without
   * building that string); false when it is already in the window (a duplicate).
   */
  add(id: string, second?: string): boolean {
    hashId(this.hash, id, second);
    const hi = this.hash[0]!;
    const lo = this.hash[1]!;
    const t = this.table;
    const home = slotOf(hi, lo, this.mask);
    let slot = home;
    while (t[2 * slot] !== 0 || t[2 * slot + 1] !== 0) {
      if (t[2 * slot] === hi && t[2 * slot + 1] === lo) return false;
      slot = (slot + 1) & this.mask;
    }
    const at = 2 * this.next;
    if (this.filled === this.size) {
      // The oldest hash leaves. The one slot that empties may lie between our home and the
      // free slot found: then it is the first free one.
      const emptied = this.remove(this.ring[at]!, this.ring[at + 1]!);
      if (emptied >= 0 && ((emptied - home) & this.mask) < ((slot - home) & this.mask)) slot = emptied;
    } else this.filled++;
    t[2 * slot] = hi;
    t[2 * slot + 1] = lo;
    this.ring[at] = hi;
    this.ring[at + 1] = lo;
    this.next = this.next + 1 === this.size ? 0 : this.next + 1;
    return true;
  }

  /**
   * Removes a hash, shifting later entries of its probe run back (no tombstones). Returns the
   * slot it left empty: the only slot that was empty before and may be taken now.
   */
  private remove(hi: number, lo: number): number {
    const t = this.table;
    let slot = slotOf(hi, lo, this.mask);
    while (t[2 * slot] !== hi || t[2 * slot + 1] !== lo) {
      if (t[2 * slot] === 0 && t[2 * slot + 1] === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
    let hole = slot;
    for (let j = (hole + 1) & this.mask; t[2 * j] !== 0 || t[2 * j + 1] !== 0; j = (j + 1) & this.mask) {
      // Move j into the hole unless its home lies cyclically in (hole, j].
      if (!homeBetween(slotOf(t[2 * j]!, t[2 * j + 1]!, this.mask), hole, j)) {
        t[2 * hole] = t[2 * j]!;
        t[2 * hole + 1] = t[2 * j + 1]!;
        hole = j;
      }
    }
    t[2 * hole] = 0;
    t[2 * hole + 1] = 0;
    return hole;
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
