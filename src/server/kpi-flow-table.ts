/**
 * The flow table of the KPI report: what waits for the end of each flow that sent one of the
 * last `size` events. A flow leaves when `size` events have passed since its latest one, and
 * is handed to `onEvict` first.
 *
 * Everything lives in typed arrays, one column per field and one row per flow, so a long input
 * leaves no trail of flow objects, key strings or map tables behind for the collector: the
 * heap of a million-event run stays that of a short one. Flows are found by a 64-bit hash of
 * their id (open addressing, linear probing, backward-shift deletion); two different ids share
 * a hash with probability about (flows in the table) / 2^64 per lookup, and would be counted as
 * one flow. Rows are kept in order of their latest event (a doubly linked list), so the flows
 * that leave are always at its head. Rows of flows that left are reused; the columns double
 * when every row is taken, so memory follows the flows in the window, never the input.
 */
import { hashId, homeBetween, slotOf } from './ingest-id-window.js';

/** Bits of `FlowTable.flags`. */
export const FLOW_OPENED = 1;
export const FLOW_SUBMITTED = 2;
export const FLOW_ABANDONED = 4;

const NONE = -1;
const INITIAL_ROWS = 1024;

export class FlowTable {
  /** Index of the flow's procedure scope (given by its first event). */
  scope = new Uint32Array(INITIAL_ROWS);
  /** 1 / sampleRate of the flow's first event. */
  weight = new Float64Array(INITIAL_ROWS);
  /** `FLOW_*` bits. */
  flags = new Uint8Array(INITIAL_ROWS);
  /** Fields oncefill filled (the largest `prefill:resolved` count). */
  filled = new Uint32Array(INITIAL_ROWS);
  /** Distinct fields kept, distinct components reused. */
  kept = new Uint32Array(INITIAL_ROWS);
  reused = new Uint32Array(INITIAL_ROWS);
  /** The latest rating's score (0: none) and time. */
  rating = new Uint8Array(INITIAL_ROWS);
  ratedAt = new Float64Array(INITIAL_ROWS);

  private hashHi = new Uint32Array(INITIAL_ROWS);
  private hashLo = new Uint32Array(INITIAL_ROWS);
  /** Position of the flow's latest event. */
  private last = new Float64Array(INITIAL_ROWS);
  /** Neighbours in order of latest event; `next` also chains the free rows. */
  private prev = new Int32Array(INITIAL_ROWS);
  private next = new Int32Array(INITIAL_ROWS);
  /** Hash slots: row + 1, 0 when empty. Twice as many slots as rows keeps probe runs short. */
  private slots = new Int32Array(INITIAL_ROWS * 2);
  private mask = INITIAL_ROWS * 2 - 1;
  private readonly hash = new Uint32Array(2);
  private head = NONE;
  private tail = NONE;
  private freeRows = NONE;
  /** Rows ever handed out (the rest of the columns is untouched). */
  private used = 0;
  /** Flows in the table. */
  size = 0;
  /** Events so far. */
  private position = 0;

  constructor(
    private readonly windowEvents: number,
    private readonly onEvict: (row: number) => void,
  ) {}

  /** Rows the columns hold now (grows by doubling). */
  get capacity(): number {
    return this.scope.length;
  }

  /** Whether the latest `touch` made a new row (its columns are zero, `ratedAt` −Infinity). */
  created = false;

  /**
   * The row of flow `id` (a new row when the flow is not in the table), marked as sending the
   * current event; then the flows whose latest event is `windowEvents` events old leave. Read
   * and write the row's columns until the next `touch`.
   */
  touch(id: string): number {
    const now = ++this.position;
    hashId(this.hash, id);
    const hi = this.hash[0]!;
    const lo = this.hash[1]!;
    let row = this.find(hi, lo);
    this.created = row === NONE;
    if (row === NONE) row = this.insert(hi, lo);
    else this.unlink(row);
    this.append(row);
    this.last[row] = now;
    while (this.head !== NONE && this.last[this.head]! <= now - this.windowEvents) this.evict(this.head);
    return row;
  }

  /** Calls `visit` with each flow's row, oldest latest event first. */
  forEach(visit: (row: number) => void): void {
    for (let row = this.head; row !== NONE; row = this.next[row]!) visit(row);
  }

  private find(hi: number, lo: number): number {
    for (let slot = slotOf(hi, lo, this.mask); this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const row = this.slots[slot]! - 1;
      if (this.hashHi[row] === hi && this.hashLo[row] === lo) return row;
    }
    return NONE;
  }

  private insert(hi: number, lo: number): number {
    let row = this.freeRows;
    if (row !== NONE) this.freeRows = this.next[row]!;
    else {
      if (this.used === this.capacity) this.grow();
      row = this.used++;
    }
    this.hashHi[row] = hi;
    this.hashLo[row] = lo;
    this.scope[row] = 0;
    this.weight[row] = 0;
    this.flags[row] = 0;
    this.filled[row] = 0;
    this.kept[row] = 0;
    this.reused[row] = 0;
    this.rating[row] = 0;
    this.ratedAt[row] = -Infinity;
    this.place(row);
    this.size++;
    return row;
  }

  private evict(row: number): void {
    this.onEvict(row);
    this.unlink(row);
    this.unplace(row);
    this.next[row] = this.freeRows;
    this.freeRows = row;
    this.size--;
  }

  /** Puts the row's hash in its slot. */
  private place(row: number): void {
    let slot = slotOf(this.hashHi[row]!, this.hashLo[row]!, this.mask);
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = row + 1;
  }

  /** Takes the row's hash out, shifting later entries of its probe run back (no tombstones). */
  private unplace(row: number): void {
    let hole = slotOf(this.hashHi[row]!, this.hashLo[row]!, this.mask);
    while (this.slots[hole] !== row + 1) hole = (hole + 1) & this.mask;
    for (let j = (hole + 1) & this.mask; this.slots[j] !== 0; j = (j + 1) & this.mask) {
      const other = this.slots[j]! - 1;
      if (!homeBetween(slotOf(this.hashHi[other]!, this.hashLo[other]!, this.mask), hole, j)) {
        this.slots[hole] = this.slots[j]!;
        hole = j;
      }
    }
    this.slots[hole] = 0;
  }

  private append(row: number): void {
    this.prev[row] = this.tail;
    this.next[row] = NONE;
    if (this.tail === NONE) this.head = row;
    else this.next[this.tail] = row;
    this.tail = row;
  }

  private unlink(row: number): void {
    const before = this.prev[row]!;
    const after = this.next[row]!;
    if (before === NONE) this.head = after;
    else this.next[before] = after;
    if (after === NONE) this.tail = before;
    else this.prev[after] = before;
  }

  /** Doubles every column and rebuilds the hash slots at the new size. */
  private grow(): void {
    const rows = this.capacity * 2;
    const widen = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(column: T): T => {
      const wider = new (column.constructor as new (length: number) => T)(rows);
      wider.set(column);
      return wider;
    };
    this.scope = widen(this.scope);
    this.weight = widen(this.weight);
    this.flags = widen(this.flags);
    this.filled = widen(this.filled);
    this.kept = widen(this.kept);
    this.reused = widen(this.reused);
    this.rating = widen(this.rating);
    this.ratedAt = widen(this.ratedAt);
    this.hashHi = widen(this.hashHi);
    this.hashLo = widen(this.hashLo);
    this.last = widen(this.last);
    this.prev = widen(this.prev);
    this.next = widen(this.next);
    this.slots = new Int32Array(rows * 2);
    this.mask = rows * 2 - 1;
    for (let row = this.head; row !== NONE; row = this.next[row]!) this.place(row);
  }
}
