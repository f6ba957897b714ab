/**
 * Entries kept while they were touched among the last `size` touches: the duplicate window of
 * the ingest (by session) and the flow table of the KPI report (by flow).
 *
 * A ring of the last `size` touches says which entry may have gone stale; an entry leaves when
 * its latest touch falls out of the ring. O(1) per touch, memory bounded by `size`, and no
 * delete-and-reinsert churn in the Map (whose deleted slots would be walked again and again).
 */
export class RecencyWindow<V extends { last: number; key: string }> {
  private readonly entries = new Map<string, V>();
  private readonly keys: Array<string | undefined>;
  private readonly at: Float64Array;
  private head = 0;
  private count = 0;
  /** Touches so far. */
  position = 0;

  constructor(
    private readonly size: number,
    private readonly onEvict?: (value: V, key: string) => void,
  ) {
    this.keys = new Array<string | undefined>(size);
    this.at = new Float64Array(size);
  }

  /**
   * The entry of `key` (made by `create` when absent), marked as touched now; then the entries
   * whose latest touch is `size` touches old leave.
   */
  touch(key: string, create: (key: string) => V): V {
    const now = ++this.position;
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = create(key)));
    entry.last = now;
    while (this.count > 0 && this.at[this.head]! <= now - this.size) {
      const old = this.keys[this.head]!;
      const entry = this.entries.get(old);
      if (entry && entry.last === this.at[this.head]) {
        this.entries.delete(old);
        this.onEvict?.(entry, old);
      }
      this.keys[this.head] = undefined;
      this.head = (this.head + 1) % this.size;
      this.count--;
    }
    const tail = (this.head + this.count) % this.size;
    // The entry's own copy of the key: the ring must not keep each event's string alive.
    this.keys[tail] = entry.key;
    this.at[tail] = now;
    this.count++;
    return entry;
  }

  /** The entries still in the window. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }
}
