/**
 * Delivery: a batch queue that flushes on a timer, when full, on `visibilitychange`→hidden and
 * on `pagehide` — never on `unload`/`beforeunload`, which mobile browsers skip and which keep a
 * page out of the back/forward cache (segmentio/analytics-next#607). Hidden pages send with
 * `sendBeacon` (falling back to `fetch(keepalive)`); visible ones with a plain `fetch`, whose
 * answer says whether to retry.
 * Bodies are CORS-safelisted `text/plain` by default (w3c/beacon#10), and the bytes handed to
 * the browser and not yet answered stay under the 64 KB keepalive quota. What cannot be sent
 * now waits in a bounded queue in sessionStorage, so a reload sends it.
 */
import { OncefillError } from '../shared/OncefillError.js';
import { version } from '../shared/version.js';
import { STORAGE_KEYS, readStored, writeStored } from '../timing/tab-storage.js';
import type { TelemetryBatch, TelemetryEvent, TelemetryEventName } from './event-schemas.js';
import { MAX_BATCH_EVENTS, TELEMETRY_FORMAT } from './wire-constants.js';
import { jsonFormat, type TelemetryFormat } from './json-format.js';
import { telemetryHub, type HubEvent } from './telemetry-hub.js';

export interface TelemetryOptions {
  /** Where batches are POSTed. Cross-origin is fine with the default format (no preflight). */
  endpoint: string;
  /** Share of tab sessions that report, in (0, 1]; decided once per session. Default 1. */
  sampleRate?: number;
  /** Body encoding. Default {@link jsonFormat}; `otlpFormat()` from `oncefill/otlp` for an OpenTelemetry Collector. */
  format?: TelemetryFormat;
  /** Send when this many events wait. Default 20. */
  batchSize?: number;
  /** Send waiting events after this long. Default 10 s. */
  flushIntervalMs?: number;
  /** Most events kept waiting (the oldest go first). Default 200. */
  maxQueuedEvents?: number;
  /** An unfinished form with no input for this long is reported abandoned (0: never). Default 30 min. */
  idleAbandonMs?: number;
  /** A later page load that does not reopen an unfinished form within this time reports it abandoned. Default 10 s. */
  abandonGraceMs?: number;
  /** Told about events dropped for not fitting their schema, and batches given up on. */
  onError?: (error: OncefillError) => void;
}

export const DEFAULT_TELEMETRY_OPTIONS = {
  sampleRate: 1,
  format: jsonFormat,
  batchSize: 20,
  flushIntervalMs: 10_000,
  maxQueuedEvents: 200,
} as const;

export type NormalizedTelemetryOptions = Required<Omit<TelemetryOptions, 'onError' | 'idleAbandonMs' | 'abandonGraceMs'>> &
  Pick<TelemetryOptions, 'onError' | 'idleAbandonMs' | 'abandonGraceMs'>;

/**
 * Bytes handed to the browser by a hidden page (beacons, keepalive fetches) and not yet answered
 * stay below this: the browser's keepalive quota is 64 KiB. Also the most bytes of one request.
 */
export const MAX_IN_FLIGHT_BYTES = 60 * 1024;
/** Requests under way at once while the page is visible. */
const MAX_VISIBLE_REQUESTS = 2;
/** A batch is tried this often before it is given up. */
const MAX_TRIES = 5;

export interface Telemetry {
  /** The tab's random session id. */
  readonly session: string;
  /** This session reports (drawn once against `sampleRate`). */
  readonly sampled: boolean;
  /** In-page subscription to events by name (`'*'` for all), exactly as they are sent. Returns the unsubscribe. */
  on<N extends TelemetryEventName>(name: N | '*', listener: (event: TelemetryEvent<N>) => void): () => void;
  /** Sends what waits now. */
  flush(): void;
  /** Stops listening and sending; waiting events stay in sessionStorage for the next page. */
  destroy(): void;
}

interface Queued {
  e: TelemetryEvent;
  /** Tries so far. */
  n: number;
}

const fail = (message: string): never => {
  throw new TypeError(`[oncefill] createTelemetry: ${message}`);
};

export function normalizeTelemetryOptions(options: TelemetryOptions): NormalizedTelemetryOptions {
  if (typeof options?.endpoint !== 'string' || !options.endpoint) fail('`endpoint` must be a URL');
  const o = { ...DEFAULT_TELEMETRY_OPTIONS, ...options };
  if (!(o.sampleRate > 0 && o.sampleRate <= 1)) fail('`sampleRate` must be in (0, 1]');
  for (const key of ['batchSize', 'flushIntervalMs', 'maxQueuedEvents'] as const)
    if (!(Number.isInteger(o[key]) && o[key] > 0)) fail(`\`${key}\` must be a positive integer`);
  if (o.batchSize > MAX_BATCH_EVENTS) fail(`\`batchSize\` must be at most ${MAX_BATCH_EVENTS}`);
  if (typeof o.format?.encode !== 'function' || typeof o.format.contentType !== 'string') fail('`format` needs `contentType` and `encode`');
  return o;
}

/**
 * Starts sending this page's telemetry events to `endpoint`. Events carry no field value, ID,
 * name, address or free text: see `docs/telemetry.md` for every event and its closed schema.
 * Call it on every page that holds a form or a receipt.
 * @example
 * const telemetry = createTelemetry({ endpoint: 'https://t.dichvucong.example.vn/collect', sampleRate: 0.5 })
 * telemetry.on('submit:confirmed', (e) => console.log(e.timing.totalMs))
 */
export function createTelemetry(options: TelemetryOptions): Telemetry {
  const o = normalizeTelemetryOptions(options);
  const { endpoint, format, batchSize, flushIntervalMs, maxQueuedEvents } = o;
  const hub = telemetryHub();
  hub.timing.configure(o);
  const win = typeof window === 'object' ? window : undefined;
  const doc = win?.document;
  const hidden = () => doc?.visibilityState === 'hidden';
  const stored = readStored<{ q?: Queued[]; d?: number }>(STORAGE_KEYS.queue);
  // This client owns what the last page left; another client on this page must not send it twice.
  writeStored(STORAGE_KEYS.queue, undefined);
  let queue: Queued[] = Array.isArray(stored?.q) ? stored.q.slice(-maxQueuedEvents) : [];
  let dropped = Number(stored?.d) || 0;
  /** Batches of the fetches under way; persisted too, in case the page dies first. */
  const pending = new Set<Queued[]>();
  /** Sent by beacon after failing before: kept for the next page until a fetch confirms them. */
  const kept: Queued[] = [];
  let inFlight = 0;
  /** Beacon bytes since the page was last visible (the browser does not say when they leave). */
  let beaconBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = Infinity;
  /** Something is in sessionStorage that a settled request may have made stale. */
  let persisted = false;
  /** Bumped at logout: answers to requests of the ended session are ignored. */
  let generation = 0;
  /** The last flush stopped at the in-flight limit: adding events will not help until bytes settle. */
  let blocked = false;
  /** Aborted by `destroy()`: stops listening and sending. */
  const life = new AbortController();
  const stopped = () => life.signal.aborted;

  const report = (error: OncefillError) => {
    try {
      o.onError?.(error);
    } catch {
      // The page's handler failing is not ours to surface.
    }
  };
  const undelivered = (message: string) => report(new OncefillError('telemetry-undelivered', message));
  const sampled = () => hub.session().u < o.sampleRate;
  /** An event as this client sends it. */
  const stamp = (event: HubEvent) => ({ ...event, sampleRate: o.sampleRate }) as TelemetryEvent;
  /** Keeps the newest `maxQueuedEvents` of the queue, counting what falls off. */
  const trim = () => {
    const over = queue.length - maxQueuedEvents;
    if (over > 0) (dropped += over), queue.splice(0, over);
  };

  const persist = () => {
    const all = [...kept, ...[...pending].flat(), ...queue].slice(-maxQueuedEvents);
    persisted = all.length > 0 || dropped > 0;
    writeStored(STORAGE_KEYS.queue, persisted ? { q: all, d: dropped } : undefined);
  };

  /** Flushes after `delay`, unless a flush is already due sooner. */
  const schedule = (delay: number) => {
    if (stopped() || queue.length === 0 || Date.now() + delay >= due) return;
    clearTimeout(timer);
    due = Date.now() + delay;
    timer = setTimeout(() => flush(hidden()), delay);
  };

  /**
   * A hidden page sends by beacon, falling back to `fetch(keepalive)`: both outlive the page and
   * share the browser's 64 KB keepalive quota. A visible page uses a plain `fetch`, outside that
   * quota, whose answer says whether to retry.
   */
  const send = (batch: Queued[], body: string, bytes: number, keepalive: boolean): void => {
    try {
      if (keepalive && navigator.sendBeacon(endpoint, new Blob([body], { type: format.contentType }))) {
        beaconBytes += bytes;
        // A beacon says nothing of its fate: events that already failed once also wait for the next page.
        kept.push(...batch.filter((item) => item.n > 0));
        return;
      }
    } catch {
      // No beacon here, or a refused one: fetch below.
    }
    const gen = generation;
    pending.add(batch);
    if (keepalive) inFlight += bytes;
    const settle = (ok: boolean, retry: boolean) => {
      if (keepalive) inFlight -= bytes;
      blocked = false;
      pending.delete(batch);
      if (!ok) {
        if (retry) {
          // A later try, with a growing delay; given up after MAX_TRIES. Not for an ended session.
          if (gen !== generation || stopped()) return;
          const again = batch.filter((item) => ++item.n < MAX_TRIES);
          dropped += batch.length - again.length;
          if (again.length < batch.length) undelivered(`${batch.length - again.length} events given up after ${MAX_TRIES} tries`);
          queue = [...again, ...queue];
          trim();
          persist();
          return schedule(flushIntervalMs * 2 ** Math.min(again[0]?.n ?? 0, 5));
        }
        dropped += batch.length;
        undelivered(`${batch.length} events refused by the collector`);
      }
      if (persisted) persist();
      schedule(0);
    };
    try {
      fetch(endpoint, { method: 'POST', body, keepalive, credentials: 'omit', headers: { 'content-type': format.contentType } }).then(
        ({ ok, status }) => settle(ok, status >= 500 || status === 408 || status === 429),
        () => settle(false, true),
      );
    } catch {
      settle(false, true);
    }
  };

  /** Sends as much of the queue as the in-flight limit allows; the rest waits. */
  function flush(hide: boolean): void {
    clearTimeout(timer);
    due = Infinity;
    if (!sampled()) return void (queue = []);
    while (queue.length > 0) {
      // The largest batch of at most `batchSize` events whose body fits one request.
      let count = Math.min(queue.length, batchSize);
      let body = '';
      let bytes = 0;
      for (; count > 0; count >>= 1) {
        const batch: TelemetryBatch = { v: TELEMETRY_FORMAT, sdk: version, sentAt: Date.now(), ...(dropped ? { dropped } : {}), events: queue.slice(0, count).map((q) => q.e) };
        body = format.encode(batch);
        bytes = new TextEncoder().encode(body).length;
        if (bytes <= MAX_IN_FLIGHT_BYTES) break;
      }
      if (count === 0) {
        // One event larger than the quota cannot be sent at all.
        queue.shift();
        dropped++;
        continue;
      }
      // Hidden: the keepalive quota. Visible: a few requests at a time.
      if ((blocked = hide ? inFlight + beaconBytes + bytes > MAX_IN_FLIGHT_BYTES : pending.size >= MAX_VISIBLE_REQUESTS)) break;
      dropped = 0;
      send(queue.splice(0, count), body, bytes, hide);
    }
    schedule(flushIntervalMs);
  }

  const onHide = () => {
    flush(true);
    persist();
  };

  const unsubscribe = hub.subscribe((message) => {
    if (stopped()) return;
    if (message.type === 'error') return report(message.error);
    if (message.type === 'session:ended') {
      // Logout: what was measured so far leaves once, then nothing of this session stays.
      flush(true);
      queue = [];
      pending.clear();
      kept.length = 0;
      dropped = 0;
      generation++;
      return writeStored(STORAGE_KEYS.queue, undefined);
    }
    if (message.type !== 'event' || !sampled()) return;
    queue.push({ e: stamp(message.event), n: 0 });
    trim();
    if (queue.length >= batchSize && !blocked) flush(hidden());
    else schedule(flushIntervalMs);
  }, true);
  doc?.addEventListener(
    'visibilitychange',
    () => {
      if (hidden()) return onHide();
      beaconBytes = 0;
      blocked = false;
      // A backlog held back by the quota while hidden goes now.
      if (queue.length >= batchSize) schedule(0);
    },
    { signal: life.signal },
  );
  win?.addEventListener('pagehide', onHide, { signal: life.signal });
  // What the last page could not send goes soon, not after a full interval.
  schedule(1000);

  return {
    get session() {
      return hub.session().id;
    },
    get sampled() {
      return sampled();
    },
    on(name, listener) {
      // The hub calls its subscribers in turn and keeps one's failure from the others.
      return hub.subscribe((message) => {
        if (!stopped() && message.type === 'event' && (name === '*' || message.event.name === name)) listener(stamp(message.event) as never);
      });
    },
    flush() {
      flush(hidden());
    },
    destroy() {
      persist();
      life.abort();
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
