import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_OPENED, FlowTable } from './kpi-flow-table.js';

describe('FlowTable', () => {
  it('keeps a flow while it sent one of the last `windowEvents` events and hands it over once as it leaves, oldest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 3000 }), (windowEvents, picks) => {
        const evicted: string[] = [];
        const names: string[] = [];
        const table = new FlowTable(windowEvents, (row) => evicted.push(names[row]!));
        /** The model: each flow's latest event position. */
        const last = new Map<string, number>();
        const expected: string[] = [];
        picks.forEach((pick, i) => {
          const id = `flow${pick}`.padEnd(22, 'x');
          const now = i + 1;
          const row = table.touch(id);
          expect(table.created).toBe(!last.has(id));
          if (table.created) {
            // A reused row starts clean.
            expect([table.flags[row], table.kept[row], table.rating[row], table.ratedAt[row]]).toEqual([0, 0, 0, -Infinity]);
            names[row] = id;
            table.kept[row] = pick;
            table.flags[row] = FLOW_OPENED;
          } else expect(table.kept[row]).toBe(pick);
          last.set(id, now);
          for (const [key, at] of [...last].sort((a, b) => a[1] - b[1]))
            if (at <= now - windowEvents) {
              last.delete(key);
              expected.push(key);
            }
          expect(evicted).toEqual(expected);
          expect(table.size).toBe(last.size);
        });
        const open: string[] = [];
        table.forEach((row) => open.push(names[row]!));
        expect(open).toEqual([...last].sort((a, b) => a[1] - b[1]).map(([key]) => key));
      }),
      { numRuns: 200 },
    );
  });

  it('doubles its columns past 1,024 flows, keeping every flow and its state, and reuses rows of flows that left', () => {
    const table = new FlowTable(5000, () => {});
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const row = table.touch(`f${i}`.padEnd(22, 'y'));
      table.filled[row] = i;
      return row;
    });
    expect(table.capacity).toBe(4096);
    for (let i = 0; i < 3000; i++) {
      expect(table.touch(`f${i}`.padEnd(22, 'y'))).toBe(rows[i]);
      expect(table.created).toBe(false);
      expect(table.filled[rows[i]!]).toBe(i);
    }
    // A window of 2 events: each new flow pushes out the one before last, whose row comes back.
    const small = new FlowTable(2, () => {});
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(small.touch(`g${i}`.padEnd(22, 'z')));
    expect(seen.size).toBeLessThanOrEqual(3);
    expect(small.capacity).toBe(1024);
  });
});
