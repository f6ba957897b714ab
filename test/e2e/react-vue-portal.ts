/**
 * The portal the React and Vue example e2e tests run against: the built examples, a login,
 * the gateway and a dossier endpoint that records what it receives, on the shared harness
 * server. Tests assert on `portal.submissions`, the payloads exactly as the server got them.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
  body: { procedure: { code: string; version: string }; values: Record<string, unknown>; envelope: { v: number; procedure: { code: string }; fields: Record<string, { source: string; setBy: string; locked: boolean; edited?: boolean }>; provenance: string[] } };
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

/** The logged-in citizen's records, as the gateway answers them (protocol v1). */
const ANSWERS: Record<string, Record<string, unknown>> = {
  population: {
    fullName: { value: { family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' }, verification: 'verified', recordId: 'dc-lan' },
    birthDate: { value: '1990-03-15', verification: 'verified', recordId: 'dc-lan' },
    personalId: { value: '001190012345', verification: 'verified', recordId: 'dc-lan' },
    idCardIssueDate: { value: '2021-06-01', verification: 'verified', recordId: 'dc-lan' },
    idCardIssuePlace: { value: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội', verification: 'verified', recordId: 'dc-lan' },
    phone: { value: '0912345678', verification: 'verified', recordId: 'dc-lan' },
    email: { unavailable: true, verification: 'not-applicable' },
    permanentAddress: { value: { detail: 'Số 12 phố Hàng Đào', wardCode: '00070', wardName: 'Phường Hoàn Kiếm', provinceCode: '01', provinceName: 'Thành phố Hà Nội' }, verification: 'verified', recordId: 'dc-lan' },
    currentAddress: { value: { detail: 'Số 5 đường Lạch Tray', wardCode: '11311', wardName: 'Phường Gia Viên', provinceCode: '31', provinceName: 'Thành phố Hải Phòng' }, verification: 'verified', recordId: 'dc-lan' },
  },
  personal: {
    phone: { value: '0912345678', verification: 'user-provided' },
    email: { value: 'lan.nguyen@example.vn', verification: 'user-provided' },
  },
  results: {},
  business: {
    name: { value: 'Công ty TNHH Thương mại và Dịch vụ An Khang', verification: 'verified', recordId: 'dn-1' },
    enterpriseCode: { value: '0201234567', verification: 'verified', recordId: 'dn-1' },
    phone: { value: '02253888999', verification: 'verified', recordId: 'dn-1' },
    legalRepresentative: { value: { fullName: { family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' }, personalId: '001190012345', title: 'Giám đốc' }, verification: 'verified', recordId: 'dn-1' },
  },
};

const SESSION = 'oncefill-demo=lan';

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
  for (const code of ['1.004616', '2.000535']) {
    const definition = await readFile(join(ROOT, 'procedures', `${code}.json`));
    server.route(`/api/oncefill/procedures/${code}`, (_request, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end(definition));
    server.route(`/submit/${code}`, (_request, response) =>
      void response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ dossier: `HS-${code}-0001`, dossierRef: 'a'.repeat(64) })),
    );
  }
  for (const source of Object.keys(ANSWERS)) {
    server.route(`/api/oncefill/${source}`, (request, response) => {
      if (!String(request.headers.cookie ?? '').includes(SESSION))
        return void response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ protocol: 1, error: { code: 'unauthorized', message: 'log in' } }));
      const query = JSON.parse(request.body) as { attributes: string[] };
      const attributes = Object.fromEntries(query.attributes.map((a) => [a, ANSWERS[source]![a] ?? { unavailable: true, verification: 'not-applicable' }]));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ protocol: 1, source, fingerprint: 'fp-lan', attributes, provenance: `statement-${source}` }));
    });
  }
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
