/**
 * The shared Chromium harness for oncefill's browser tests (`npm run test:e2e`).
 *
 * - `launchChromium()` starts Debian's Chromium (`/usr/bin/chromium`, or `CHROME_PATH`) through
 *   playwright-core; no browser is ever downloaded.
 * - `startServer()` serves the built package (`/dist/…`), the static pages in `test/e2e/pages/`
 *   (`/pages/…`), the examples (`/examples/…`), pages and routes a test adds (`server.page(path, html)`,
 *   `server.route(path, handler)`), on 127.0.0.1. Pages get an import map for the built ESM
 *   entries' dependencies. The same server also answers as
 *   `server.otherOrigin` (localhost), a second origin for cross-origin cases. Every request is
 *   recorded in `server.requests`, body included.
 * - `openPage(browser, server)` opens a page whose `sendBeacon` and `fetch` calls are recorded
 *   with their exact bodies and options (`capturedRequests(page)`), and whose `unload`-style
 *   listeners are recorded too (`addedListeners(page)`).
 *
 * @example
 * const browser = await launchChromium()
 * const server = await startServer()
 * server.page('/form.html', '<script src="/dist/oncefill.global.js"></script>')
 * const page = await openPage(browser, server)
 * await page.goto(server.url('/form.html'))
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Flags that work in this environment (no sandbox, no GPU, no network noise). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium. Playwright turns the back/forward cache off by default;
 * `backForwardCache: true` keeps it on, for tests of pages restored from it.
 */
export async function launchChromium(options: { backForwardCache?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** `127.0.0.1:port` or `localhost:port`: which origin was asked. */
  host: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type RouteHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:port` */
  readonly origin: string;
  /** The same server as `http://localhost:port`: another origin. */
  readonly otherOrigin: string;
  readonly requests: RecordedRequest[];
  url(path: string): string;
  /** Serves `html` at `path` (a full document or a fragment). */
  page(path: string, html: string): void;
  /** Handles `path` (any method) with `handler`. */
  route(path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
};

/**
 * The built ESM entries import their dependencies by bare name (`ky`), as a bundler resolves
 * them; a page loading `/dist/*.js` directly gets the same resolution from an import map.
 */
export const IMPORT_MAP = '<script type="importmap">{"imports":{"ky":"/node_modules/ky/distribution/index.js"}}</script>';
const withImportMap = (html: string) => (/<head[^>]*>/.test(html) ? html.replace(/<head[^>]*>/, (head) => head + IMPORT_MAP) : IMPORT_MAP + html);

/** Starts the test server on a free port of 127.0.0.1. */
export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, string>();
  const routes = new Map<string, RouteHandler>();
  const requests: RecordedRequest[] = [];

  const serveFile = async (base: string, relative: string, response: ServerResponse) => {
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      host: req.headers.host ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    requests.push(record);
    try {
      const handler = routes.get(url.pathname);
      if (handler) return void (await handler(record, res));
      const html = pages.get(url.pathname);
      if (html !== undefined) return void res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(withImportMap(html));
      if (url.pathname.startsWith('/dist/')) return await serveFile(join(ROOT, 'dist/'), url.pathname.slice('/dist/'.length), res);
      if (url.pathname.startsWith('/pages/')) return await serveFile(join(ROOT, 'test/e2e/pages/'), url.pathname.slice('/pages/'.length), res);
      if (url.pathname.startsWith('/examples/')) return await serveFile(join(ROOT, 'examples/'), url.pathname.slice('/examples/'.length), res);
      if (url.pathname.startsWith('/node_modules/')) return await serveFile(join(ROOT, 'node_modules/'), url.pathname.slice('/node_modules/'.length), res);
      res.writeHead(404).end();
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    otherOrigin: `http://localhost:${port}`,
    requests,
    url: (path) => `${origin}${path}`,
    page: (path, html) => void pages.set(path, html),
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A telemetry sink route: records each POST body, answers with `status()` (204 by default)
 * and the CORS headers a collector needs for `fetch` from another origin. `OPTIONS` (a
 * preflight) is recorded too, so a test can assert none happened.
 */
export function collector(status: () => number = () => 204): RouteHandler {
  return (request, response) => {
    response.writeHead(request.method === 'OPTIONS' ? 204 : status(), {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type',
    });
    response.end();
  };
}

/** One `sendBeacon` or `fetch` call as the page made it. */
export interface CapturedRequest {
  via: 'beacon' | 'fetch';
  url: string;
  /** The body as text (a Blob is read). */
  body: string;
  /** UTF-8 bytes of the body. */
  bytes: number;
  /** The Blob's type, or the content-type header of a fetch. */
  type: string;
  /** `sendBeacon`'s answer. */
  accepted?: boolean;
  keepalive?: boolean;
  credentials?: string;
  mode?: string;
}

/** Wraps sendBeacon/fetch/addEventListener before any page script runs. */
const INIT_SCRIPT = `(() => {
  const violations = (window.__violations = []);
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const log = (window.__captured = []);
  const listeners = (window.__listeners = []);
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) { listeners.push(String(type)); return add.call(this, type, ...rest); };
  const bytes = (text) => new TextEncoder().encode(text).length;
  const beacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = function (url, data) {
    const record = { via: 'beacon', url: String(url), body: '', bytes: 0, type: data instanceof Blob ? data.type : typeof data === 'string' ? 'text/plain;charset=UTF-8' : '' };
    record.ready = data instanceof Blob ? data.text().then((t) => { record.body = t; record.bytes = bytes(t); }) : Promise.resolve().then(() => { record.body = String(data ?? ''); record.bytes = bytes(record.body); });
    log.push(record);
    record.accepted = window.__refuseBeacons ? false : beacon(url, data);
    return record.accepted;
  };
  const realFetch = window.fetch.bind(window);
  window.fetch = function (input, init = {}) {
    const headers = new Headers(init.headers || {});
    const body = typeof init.body === 'string' ? init.body : '';
    log.push({ via: 'fetch', url: String(input.url || input), body, bytes: bytes(body), type: headers.get('content-type') || '', keepalive: init.keepalive, credentials: init.credentials, mode: init.mode, ready: Promise.resolve() });
    const record = log[log.length - 1];
    return realFetch(input, init).then((r) => { record.status = r.status; return r; }, (e) => { record.error = String(e); throw e; });
  };
})();`;

const errors = new WeakMap<Page, Error[]>();

/** Opens a page (in its own context) that records its beacons, fetches, listener registrations, CSP violations and uncaught errors. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const list: Error[] = [];
  errors.set(page, list);
  page.on('pageerror', (error) => list.push(error));
  return page;
}

/** Uncaught errors of the page so far (a test usually expects none). */
export function pageErrors(page: Page): Error[] {
  return errors.get(page) ?? [];
}

/** The beacons and fetches the current document made so far, bodies read. */
export async function capturedRequests(page: Page): Promise<CapturedRequest[]> {
  return page.evaluate(async () => {
    const log = (window as unknown as { __captured: Array<CapturedRequest & { ready: Promise<void> }> }).__captured;
    await Promise.all(log.map((r) => r.ready));
    return log.map(({ ready: _ready, ...rest }) => rest);
  });
}

/** `securitypolicyviolation` events of the current document (`directive blockedURI`). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** Event types the current document registered listeners for. */
export async function addedListeners(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __listeners: string[] }).__listeners);
}

/** Makes the page hidden (or visible) as a tab switch would, and fires `visibilitychange`. */
export async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Waits until `check` holds (polling), or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A page skeleton that loads `oncefill/dom` (ESM build) as `window.O` and runs `script` after. */
export function modulePage(script: string, body = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>oncefill test</title></head><body>${body}
<script type="module">import * as O from '/dist/dom.js'; window.O = O; ${script}</script></body></html>`;
}
