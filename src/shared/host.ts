/**
 * The few host facilities DOM-free layers need (timers, abort, a clock), reached through a
 * typed view of `globalThis` so `resolve`, `session` and `schema` compile without DOM or Node
 * types and run in browsers, workers and Node alike.
 */

/** The part of `AbortSignal` oncefill relies on; a DOM or Node `AbortSignal` fits it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

interface Host {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  AbortController: new () => AbortControllerLike;
  performance?: { now(): number };
}

const host = globalThis as unknown as Host;

/** Runs `callback` after `ms`; returns the cancel. */
export function after(ms: number, callback: () => void): () => void {
  const handle = host.setTimeout(callback, ms);
  return () => host.clearTimeout(handle);
}

export function createAbortController(): AbortControllerLike {
  return new host.AbortController();
}

/** Monotonic milliseconds where the host has them (for latencies, never for wall time). */
export function monotonicNow(): number {
  return host.performance ? host.performance.now() : Date.now();
}

/** Aborts `controller` when `signal` aborts; returns the unlink. */
export function linkAbort(signal: AbortSignalLike | undefined, controller: AbortControllerLike): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
