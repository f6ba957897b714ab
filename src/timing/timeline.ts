/**
 * A clock that gives durations which are never negative and never silently drop a sleep.
 *
 * `performance.now()` stops while the machine sleeps on macOS and Linux
 * (getsentry/sentry-javascript#2590), and `Date.now()` can jump back when the clock is set.
 * So each step compares both: when the wall clock ran ahead of the monotonic one (sleep), the
 * wall time counts and the flow is flagged `suspended`; when it fell behind or went back, the
 * monotonic time counts and the flow is flagged `clockChanged`. Across page loads only the wall
 * clock is comparable, and a step back counts as zero.
 */

/** The two clocks; injectable for tests. */
export interface Clocks {
  /** Wall clock, ms since the epoch (`Date.now`). */
  wall(): number;
  /** Monotonic clock, ms since this page's time origin (`performance.now`). */
  mono(): number;
}

export const defaultClocks: Clocks = {
  wall: () => Date.now(),
  // Every supported browser and Node 20 have \`performance\` as a global.
  mono: () => performance.now(),
};

/** Disagreement between the clocks tolerated as drift before a step counts as sleep or a jump. */
export const CLOCK_TOLERANCE_MS = 2000;

/** The persisted state of a timeline. Short keys: it lives in sessionStorage. */
export interface Timeline {
  /** Corrected time of the last step: never decreases. */
  t: number;
  /** Raw wall clock at the last step. */
  w: number;
  /** Monotonic clock at the last step, meaningful only on page `p`. */
  m: number;
  /** The page load the monotonic reading belongs to. */
  p: string;
  /** Sum of monotonic (or, across pages, wall) steps. */
  mono: number;
  suspended: boolean;
  clockChanged: boolean;
}

export function startTimeline(clocks: Clocks, page: string): Timeline {
  const w = clocks.wall();
  return { t: w, w, m: clocks.mono(), p: page, mono: 0, suspended: false, clockChanged: false };
}

/** Moves the timeline to now and returns the corrected time. */
export function advance(line: Timeline, clocks: Clocks, page: string): number {
  const w = clocks.wall();
  const m = clocks.mono();
  const dw = w - line.w;
  let step = Math.max(0, dw);
  if (line.p === page) {
    const dm = Math.max(0, m - line.m);
    if (dw > dm + CLOCK_TOLERANCE_MS) line.suspended = true;
    if (dw < dm - CLOCK_TOLERANCE_MS) {
      line.clockChanged = true;
      step = dm;
    }
    line.mono += dm;
  } else {
    if (dw < 0) line.clockChanged = true;
    line.mono += step;
  }
  line.t += step;
  line.w = w;
  line.m = m;
  line.p = page;
  return line.t;
}
