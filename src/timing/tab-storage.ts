/**
 * sessionStorage that never throws into the page: storage can be disabled, full (quota), or
 * throw on access (Safari private mode, sandboxed iframes). A miss is always `undefined`.
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

function store(): Storage | undefined {
  try {
    return typeof sessionStorage === 'object' && sessionStorage !== null ? sessionStorage : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and parses a key; `undefined` when absent, unreadable or not JSON. */
export function readStored<T>(key: string): T | undefined {
  try {
    const text = store()?.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a key; returns false when storage refused it. */
export function writeStored(key: string, value: unknown): boolean {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}
