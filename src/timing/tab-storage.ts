/**
 * sessionStorage that never throws into the page: storage can be missing, disabled (`null` in
 * some WebViews), full (quota), or throw on access (Safari private mode, sandboxed iframes).
 * Every one of those lands in the `catch`, and a miss is always `undefined`.
 */

/** Keys oncefill keeps in sessionStorage; `markLogout()` removes them all. */
export const STORAGE_KEYS = {
  /** The login record: `{ id, at, kind, src? }`. */
  login: 'oncefill:login',
  /** Open measurements (flows) of this login. */
  flows: 'oncefill:flows',
  /** The last flow that ended, for `rate()` and the rating prompt. */
  ended: 'oncefill:ended',
  /** The tab's telemetry session: `{ id, u }`. */
  session: 'oncefill:session',
  /** Telemetry events waiting to be (re)sent. */
  queue: 'oncefill:queue',
  /** Wall time of the last `markLogout()`, for pages restored from the back/forward cache. */
  logout: 'oncefill:logout',
} as const;

/** Reads and parses a key; `undefined` when absent, unreadable or not JSON. */
export function readStored<T>(key: string): T | undefined {
  try {
    // getItem gives null for a missing key, and JSON.parse(null) is null.
    return JSON.parse(sessionStorage.getItem(key)!) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a key as JSON, or removes it when `value` is `undefined`; a refusal is ignored. */
export function writeStored(key: string, value: unknown): void {
  try {
    if (value === undefined) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage is unavailable or full: the measurement goes on in memory.
  }
}
