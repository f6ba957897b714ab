import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, advance, startTimeline, type Clocks } from './timeline.js';

const T0 = 1_717_000_000_000;

function clocks(wall: number, mono: number) {
  const c = { wall, mono };
  const api: Clocks = { wall: () => c.wall, mono: () => c.mono };
  return { c, api };
}

describe('timeline', () => {
  it('C-B14: counts a sleep by the wall clock and flags it, keeping the monotonic time apart', () => {
    const { c, api } = clocks(T0, 1000);
    const line = startTimeline(api, 'page');
    c.wall = T0 + 3_660_000; // one hour asleep, then 60 s awake
    c.mono = 61_000;
    expect(advance(line, api, 'page') - T0).toBe(3_660_000);
    expect(line.mono).toBe(60_000);
    expect(line.suspended).toBe(true);
    expect(line.clockChanged).toBe(false);
  });

  it('C-B14: never goes back when the wall clock is set back, and uses the monotonic time for that step', () => {
    const { c, api } = clocks(T0, 1000);
    const line = startTimeline(api, 'page');
    c.wall = T0 - 3_600_000 + 30_000; // clock set back an hour, 30 s later
    c.mono = 31_000;
    expect(advance(line, api, 'page') - T0).toBe(30_000);
    expect(line.clockChanged).toBe(true);
    c.wall += 10_000;
    c.mono += 10_000;
    expect(advance(line, api, 'page') - T0).toBe(40_000);
  });

  it('tolerates drift between the clocks without flagging it', () => {
    const { c, api } = clocks(T0, 0);
    const line = startTimeline(api, 'page');
    c.wall = T0 + 100_000 + CLOCK_TOLERANCE_MS / 2;
    c.mono = 100_000;
    advance(line, api, 'page');
    expect(line.suspended || line.clockChanged).toBe(false);
    expect(line.t - T0).toBe(100_000 + CLOCK_TOLERANCE_MS / 2);
  });

  it('counts a step across page loads by the wall clock alone, and a step back as zero', () => {
    const { c, api } = clocks(T0, 5000);
    const line = startTimeline(api, 'one');
    c.wall = T0 + 20_000;
    c.mono = 300; // a new page: its own time origin
    expect(advance(line, api, 'two') - T0).toBe(20_000);
    c.wall = T0 + 5_000;
    c.mono = 900;
    expect(advance(line, api, 'three') - T0).toBe(20_000);
    expect(line.clockChanged).toBe(true);
  });

  it('C-B14: never gives a negative duration, whatever either clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dw: fc.integer({ min: -86_400_000, max: 86_400_000 }), dm: fc.integer({ min: 0, max: 86_400_000 }), newPage: fc.boolean() }), {
          maxLength: 30,
        }),
        (steps) => {
          const { c, api } = clocks(T0, 0);
          let page = 0;
          const line = startTimeline(api, 'p0');
          let previous = line.t;
          for (const step of steps) {
            c.wall += step.dw;
            c.mono = step.newPage ? step.dm : c.mono + step.dm;
            if (step.newPage) page++;
            const t = advance(line, api, `p${page}`);
            if (t < previous || line.mono < 0) return false;
            previous = t;
          }
          return true;
        },
      ),
    );
  });
});
