/**
 * The portal the React and Vue example e2e tests run against: the built examples under a
 * strict CSP, a login, the real gateway over `oncefill/testing`'s fixtures (the kit's msw
 * handlers, answered here through msw's `getResponse`), and a dossier endpoint that records
 * what it receives, on the shared harness server. Tests assert on `portal.submissions`, the
 * payloads exactly as the server got them. The logged-in citizen is `fixtures.citizens[0]`,
 * who may act for `fixtures.businesses[0]`.
 */
import { readFile, readdir } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { getResponse } from 'msw';
import type { SubmissionEnvelope } from '../../src/session/create-form-session.js';
import type { Page } from 'playwright-core';
import { createGatewayHandlers, fixtures } from '../../src/testing/index.js';
import { ROOT, collector, startServer, type RecordedRequest, type TestServer } from './harness.js';

/** Built example folders, by the path they are served under. */
export const EXAMPLES = {
  'react-19': 'examples/react-portal/dist/react-19',
  'react-18': 'examples/react-portal/dist/react-18',
  vue: 'examples/vue-portal/dist',
} as const;
export type ExampleName = keyof typeof EXAMPLES;

export interface Submission {
  path: string;
  body: { procedure: { code: string; version: string }; values: Record<string, unknown>; envelope: SubmissionEnvelope };
}

export interface Portal {
  server: TestServer;
  /** Where an example's page is: `portal.page('react-18', 'practice.html')`. */
  page(example: ExampleName, file: string): string;
  /** Logs the citizen in (the session cookie the gateway answers to). */
  login(page: Page): Promise<void>;
  /** Dossiers received, parsed. */
  submissions(): Submission[];
  /** Telemetry batches received. */
  telemetry(): RecordedRequest[];
  close(): Promise<void>;
}

const SESSION = 'oncefill-demo=citizen-0';
const PROCEDURES = ['1.004616', '2.000535'];
/** The fixture citizen the gateway answers for once logged in, and the business she may act for. */
export const CITIZEN = fixtures.citizens[0]!;
export const BUSINESS = fixtures.businesses[0]!;

/** Starts the stand-in portal on the harness server. */
export async function startPortal(): Promise<Portal> {
  const server = await startServer();
  for (const [name, folder] of Object.entries(EXAMPLES)) {
    for (const file of await readdir(join(ROOT, folder))) {
      if (file.endsWith('.map')) continue;
      const body = await readFile(join(ROOT, folder, file));
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.css') ? 'text/css' : 'text/javascript; charset=utf-8';
      // Strict CSP, as portals run: no inline script, no eval, no inline style.
      server.route(`/examples/${name}/${file}`, (_request, response) =>
        void response.writeHead(200, { 'content-type': type, 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" }).end(body),
      );
    }
  }
  const base = `${server.origin}/api/oncefill`;
  const gateway = { in: createGatewayHandlers({ baseUrl: base }), out: createGatewayHandlers({ baseUrl: base, session: null }) };
  const answer = async (request: RecordedRequest, response: ServerResponse) => {
    const loggedIn = String(request.headers.cookie ?? '').includes(SESSION);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'cookie', 'origin', 'x-csrf-token']) if (typeof request.headers[name] === 'string') headers[name] = request.headers[name];
    const init: RequestInit = { method: request.method, headers };
    if (request.method !== 'GET' && request.method !== 'HEAD') init.body = request.body;
    const answered = await getResponse(loggedIn ? gateway.in : gateway.out, new Request(`${server.origin}${request.path}`, init));
    if (!answered) return void response.writeHead(404).end();
    response.writeHead(answered.status, Object.fromEntries(answered.headers)).end(Buffer.from(await answered.arrayBuffer()));
  };
  for (const path of ['population', 'results', 'personal', 'business', 'consent', ...PROCEDURES.map((code) => `procedures/${code}`)]) server.route(`/api/oncefill/${path}`, answer);
  for (const code of PROCEDURES)
    server.route(`/submit/${code}`, (_request, response) =>
      void response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ dossier: `HS-${code}-0001`, dossierRef: 'a'.repeat(64) })),
    );
  server.route('/telemetry', collector());
  server.route('/login', (_request, response) => void response
      .writeHead(200, { 'set-cookie': `${SESSION}; Path=/; HttpOnly; SameSite=Lax`, 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Đăng nhập</title><p>Đã đăng nhập.</p>'));

  return {
    server,
    page: (example, file) => server.url(`/examples/${example}/${file}`),
    async login(page) {
      await page.goto(server.url('/login'));
    },
    submissions: () =>
      server.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/submit/')).map((r) => ({ path: r.path, body: JSON.parse(r.body) as Submission['body'] })),
    telemetry: () => server.requests.filter((r) => r.method === 'POST' && r.path === '/telemetry'),
    close: () => server.close(),
  };
}
