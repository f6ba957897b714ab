/**
 * The demo portal (`npm run demo`): a citizen logs in on a stand-in national SSO page, opens one
 * of the six procedures on a legacy server-rendered page (or the React/Vue examples), sees it
 * filled with provenance, submits, and gets a receipt; telemetry lands in an NDJSON file and
 * the KPI report is computed from it on each request. One layer: it uses only the built
 * package by name (`oncefill`, `oncefill/server`, `oncefill/testing`, `oncefill/vn`) and
 * `dist/` assets — run `npm run build` first.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseProcedure, type Procedure } from 'oncefill';
import {
  adaptBusinessRecord,
  adaptPopulationRecord,
  createTelemetryIngest,
  kpiReport,
  readFormSubmission,
  renderKpiHtml,
  validateSubmission,
  verifyProvenance,
  type FormSubmission,
  type ProvenanceReport,
  type SubmissionError,
} from 'oncefill/server';
import { SHIPPED_PROCEDURES, fixtures, testProvenanceKeys } from 'oncefill/testing';
import { joinName, properCaseName } from 'oncefill/vn';
import { fixtureGateway, partiesOf, type DemoSession, type DemoSourceId, type SourceFault } from './fixture-gateway.js';
import { esc, renderFields, type Definition, type Posted } from './legacy-form.js';
import { FRAMEWORK_PAGES, indexPage, loginPage, type Person } from './pages.js';

export interface DemoOptions {
  /** Default 0 (a free port); the CLI passes `PORT` or 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where `events.ndjson` goes. Default `.demo-data/` under the current directory. */
  dataDir?: string;
  /** A real gateway (`https://…/api/oncefill`) instead of the embedded one over the fixtures. */
  gatewayUrl?: string;
  /** No start-up line on stdout. */
  quiet?: boolean;
  /**
   * For tests only (the CLI never sets it): makes a source of the embedded gateway answer late
   * (`{ until: promise }`, to see the loading state) or fail (`'fail'`, the national platform
   * down: the short notice). Off by default; ignored with `gatewayUrl`.
   * @example
   * let answer!: () => void
   * const demo = await startDemo({ sourceFaults: { population: { until: new Promise<void>((r) => (answer = r)) } } })
   */
  sourceFaults?: Partial<Record<DemoSourceId, SourceFault>>;
}

/** A dossier as the demo's back office received it. */
export interface ReceivedDossier {
  channel: 'legacy-post' | 'json';
  code: string;
  /** `HS-…` when accepted; absent when refused and re-rendered. */
  dossier?: string;
  accepted: boolean;
  /** What `readFormSubmission` read from the post (JSON posts: the same shape). */
  post: FormSubmission;
  /** The raw envelope JSON as posted (hidden input `oncefill-envelope`, or the JSON body's `envelope`). */
  envelope: unknown;
  verification: ProvenanceReport;
  validation: { ok: boolean; errors: SubmissionError[] };
  at: number;
}

export interface TelemetryBatchRecord {
  accepted: number;
  refused: number;
  /** Names of the accepted events (no values: events carry none). */
  names: string[];
}

export interface Demo {
  url: string;
  /** Where the telemetry sink appends accepted events. */
  eventsFile: string;
  readonly dossiers: ReceivedDossier[];
  readonly telemetry: TelemetryBatchRecord[];
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
/** The installed package's root (this repository when run from it). */
const PACKAGE_ROOT = dirname(require.resolve('oncefill/package.json'));
const DIST = join(PACKAGE_ROOT, 'dist');
const LEGACY = join(PACKAGE_ROOT, 'examples/legacy-page');
const EXAMPLES: Record<string, string> = {
  'react-19': join(PACKAGE_ROOT, 'examples/react-portal/dist/react-19'),
  'react-18': join(PACKAGE_ROOT, 'examples/react-portal/dist/react-18'),
  vue: join(PACKAGE_ROOT, 'examples/vue-portal/dist'),
};
const EMBED_FILES = new Set(['oncefill.global.js', 'oncefill.ui.js', 'oncefill.css']);
const LEGACY_FILES = new Set(['legacy.css', 'rows.js']);
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json' };
const COOKIE = 'oncefill-demo-session';
const GATEWAY_PATH = '/api/oncefill';
/** How each procedure's legacy page gets its definition: all three ways the embed supports. */
const DEFINITION_MODE: Record<string, 'inline' | 'url' | 'code'> = { '1.005092': 'inline', '2.000535': 'url' };
const MAX_BODY = 2 * 1024 * 1024;

const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64')}`;
const fill = (template: string, slots: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => slots[name] ?? '');
const cookieOf = (header: string | undefined, name: string) =>
  header
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** A request body over `MAX_BODY`: the server answers 413, not 500. */
class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // Read on without keeping it: stopping mid-body resets the connection before the client can read the 413.
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY) throw new BodyTooLarge();
  return new Uint8Array(Buffer.concat(chunks));
}

/** Fixture citizens as the login page offers them, with the businesses each may act for. */
function people(): Person[] {
  const businessName = (code: string) => {
    const business = fixtures.businesses.find((b) => b.enterpriseCode === code);
    const name = business?.business ? adaptBusinessRecord(business.business).name?.value : undefined;
    return typeof name === 'string' ? name : code;
  };
  return fixtures.citizens.map((c) => {
    const name = c.population ? adaptPopulationRecord(c.population).fullName?.value : undefined;
    const parties = partiesOf(c.personalId).flatMap((p) => ('enterpriseCode' in p ? [{ enterpriseCode: p.enterpriseCode, name: businessName(p.enterpriseCode) }] : []));
    return { personalId: c.personalId, name: name && typeof name === 'object' ? properCaseName(joinName(name as { family: string; middle: string; given: string })) : c.personalId, parties };
  });
}

/** Starts the demo portal; resolves once it listens. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  if (!existsSync(join(DIST, 'oncefill.global.js'))) throw new Error('[demo] dist/ is missing: run npm run build first');
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.demo-data');
  const eventsFile = join(dataDir, 'events.ndjson');
  await mkdir(dataDir, { recursive: true });

  const definitions = (SHIPPED_PROCEDURES as Definition[]).slice().sort((a, b) => a.code.localeCompare(b.code));
  const procedures = new Map<string, Procedure>(definitions.map((d) => [d.code, parseProcedure(d)]));
  const form = await readFile(join(LEGACY, 'form.html'), 'utf8');
  const receipt = await readFile(join(LEGACY, 'receipt.html'), 'utf8');
  const integrity = sri('oncefill.global.js');
  const everyone = people();
  const dossierKey = randomBytes(32);

  const sessions = new Map<string, DemoSession>();
  const dossiers: ReceivedDossier[] = [];
  const telemetry: TelemetryBatchRecord[] = [];
  const receipts = new Map<string, { session: string; code: string; dossier: string; reused: number }>();
  let counter = 0;

  // Telemetry: one ingest for the demo's life, so a batch sent twice counts once.
  let pending: Array<{ name: string }> = [];
  let issues = 0;
  const ingest = createTelemetryIngest({ onEvent: (event) => void pending.push(event as { name: string }), onIssue: () => void issues++ });
  let lines = 0;
  let writing: Promise<void> = Promise.resolve();

  const sessionOfHeader = (cookie: string | undefined) => {
    const id = cookieOf(cookie, COOKIE);
    return id ? sessions.get(id) : undefined;
  };

  let origin = '';
  let gatewayHandler: ((request: Request) => Promise<Response>) | undefined;
  const gatewayUrl = options.gatewayUrl?.replace(/\/+$/, '');
  const gatewayOrigin = gatewayUrl ? new URL(gatewayUrl).origin : undefined;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self'${gatewayOrigin ? ` ${gatewayOrigin}` : ''}`,
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const html = (response: ServerResponse, status: number, body: string, extra: Record<string, string> = {}) =>
    void response.writeHead(status, { 'content-type': TYPES.html!, 'content-security-policy': csp, 'cache-control': 'no-store', ...extra }).end(body);
  const redirect = (response: ServerResponse, location: string, extra: Record<string, string> = {}) => void response.writeHead(303, { location, ...extra }).end();
  /** `<meta>` tags every page served after login carries. */
  const sessionHead = (session: DemoSession | undefined) =>
    session ? `<meta name="oncefill-login-at" content="${session.loginAt}" data-now="${Date.now()}"><meta name="csrf-token" content="${session.csrf}">` : '';
  const who = (session: DemoSession) => {
    const person = everyone.find((p) => p.personalId === session.personalId);
    const business = person?.parties.find((b) => b.enterpriseCode === session.enterpriseCode);
    return `${person?.name ?? ''}${business ? `, thay mặt ${business.name}` : ''}`;
  };

  function legacyPage(session: DemoSession, definition: Definition, posted?: Posted, errors?: SubmissionError[]): string {
    const mode = DEFINITION_MODE[definition.code] ?? 'code';
    const attributes = [
      mode === 'url' ? `data-oncefill-definition="/procedures/${definition.code}.json"` : '',
      session.enterpriseCode ? `data-oncefill-acting-for="enterpriseCode:${esc(session.enterpriseCode)}"` : '',
      errors ? 'data-oncefill-submit-failed="rejected"' : '',
    ].filter(Boolean);
    return fill(form, {
      title: esc(definition.title.vi),
      code: esc(definition.code),
      loginAt: String(session.loginAt),
      now: String(Date.now()),
      csrf: session.csrf,
      integrity,
      gateway: esc(gatewayUrl ?? GATEWAY_PATH),
      credentials: gatewayUrl ? 'include' : 'same-origin',
      user: esc(who(session)),
      banner: definition.status === 'draft' ? '<p class="draft" role="note">Bản nháp: định nghĩa chưa được đối chiếu đầy đủ với mẫu chính thức.</p>' : '',
      errors: errors?.length
        ? `<div class="errors" role="alert"><p>Hồ sơ chưa hợp lệ, vui lòng sửa:</p><ul>${errors.map((e) => `<li>${esc(e.path)}: ${esc(e.message)}</li>`).join('')}</ul></div>`
        : '',
      formAttributes: attributes.join(' '),
      inlineDefinition:
        mode === 'inline' ? `<script type="application/json" data-oncefill-definition>${JSON.stringify(definition).replace(/</g, '\\u003c')}</script>` : '',
      fields: renderFields(definition, posted),
    });
  }

  /** Checks, records and numbers one dossier; `undefined` dossier when refused. */
  function receive(channel: ReceivedDossier['channel'], session: DemoSession, code: string, post: FormSubmission, envelope: unknown): ReceivedDossier {
    const procedure = procedures.get(code)!;
    const subjects = [{ personalId: session.personalId }, ...(session.enterpriseCode ? [{ enterpriseCode: session.enterpriseCode }] : [])];
    const verification = verifyProvenance(procedure, { values: post.values, provenance: post.provenance, components: post.components, subjects }, testProvenanceKeys);
    const check = validateSubmission(procedure, post.values);
    const record: ReceivedDossier = { channel, code, accepted: check.ok, post, envelope, verification, validation: { ok: check.ok, errors: check.errors }, at: Date.now() };
    if (check.ok) record.dossier = `HS-${code}-${String(++counter).padStart(4, '0')}`;
    dossiers.push(record);
    return record;
  }
  const dossierRef = (dossier: string) => createHmac('sha256', dossierKey).update(dossier).digest('hex');

  async function legacyPost(request: IncomingMessage, response: ServerResponse, session: DemoSession, definition: Definition) {
    const body = await readBody(request);
    const data = await new Request('http://demo.invalid/', { method: 'POST', headers: { 'content-type': String(request.headers['content-type'] ?? '') }, body }).formData();
    if (data.get('_csrf') !== session.csrf) return void response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('CSRF token missing or wrong');
    const post = readFormSubmission(procedures.get(definition.code)!, data);
    const raw = data.get('oncefill-envelope');
    let envelope: unknown;
    try {
      envelope = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      envelope = undefined;
    }
    const record = receive('legacy-post', session, definition.code, post, envelope);
    if (!record.accepted) {
      const posted: Posted = new Map();
      for (const [name, value] of data) if (typeof value === 'string' && name !== '_csrf' && name !== 'oncefill-envelope') (posted.get(name) ?? posted.set(name, []).get(name)!).push(value);
      return html(response, 422, legacyPage(session, definition, posted, record.validation.errors));
    }
    receipts.set(record.dossier!, { session: session.id, code: definition.code, dossier: record.dossier!, reused: Object.keys(post.components).length });
    redirect(response, `/legacy/receipt/${record.dossier}`);
  }

  async function jsonPost(request: IncomingMessage, response: ServerResponse, session: DemoSession, code: string) {
    type Dossier = { values?: Record<string, unknown>; envelope?: { provenance?: string[]; components?: Record<string, unknown> } };
    const text = Buffer.from(await readBody(request)).toString('utf8');
    let body: Dossier;
    try {
      body = JSON.parse(text) as Dossier;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TypeError('not an object');
    } catch {
      return void response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'the dossier must be a JSON object' }));
    }
    const post = { values: body.values ?? {}, provenance: body.envelope?.provenance ?? [], components: body.envelope?.components ?? {}, problems: [] } as unknown as FormSubmission;
    const record = receive('json', session, code, post, body.envelope);
    // A refused dossier gets no number: the page shows each problem by field path (codes and messages carry no value).
    if (!record.accepted) {
      const errors = record.validation.errors.map(({ path, code, message }) => ({ path, code, message }));
      return void response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
    }
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ dossier: record.dossier, dossierRef: dossierRef(record.dossier!) }));
  }

  async function telemetrySink(request: IncomingMessage, response: ServerResponse) {
    const text = Buffer.from(await readBody(request)).toString("utf8");
    pending = [];
    issues = 0;
    for (const line of text.split('\n')) if (line.trim()) ingest.line(line, 'browser', ++lines);
    const accepted = pending;
    const refused = issues;
    telemetry.push({ accepted: accepted.length, refused, names: accepted.map((e) => e.name) });
    if (accepted.length) {
      const chunk = accepted.map((e) => JSON.stringify(e)).join('\n') + '\n';
      writing = writing.then(() => appendFile(eventsFile, chunk)).catch(() => undefined);
      await writing;
    }
    if (refused) return void response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: accepted.length, refused }));
    response.writeHead(204).end();
  }

  /** The KPI report over the events file as it is now. */
  async function report() {
    await writing;
    return existsSync(eventsFile) ? kpiReport({ name: 'events.ndjson', chunks: createReadStream(eventsFile) }) : kpiReport([]);
  }
  /** The report page's inline styles moved to a stylesheet, so the page keeps `style-src 'self'`. */
  let reportCss = '';
  function externalizeStyles(page: string): string {
    const rules: string[] = [];
    const attrs = new Map<string, number>();
    let out = page.replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => {
      rules.push(css);
      return '<link rel="stylesheet" href="/report.css">';
    });
    out = out.replace(/ style="([^"]*)"/g, (_m, style: string) => {
      if (!attrs.has(style)) attrs.set(style, attrs.size);
      return ` data-style="${attrs.get(style)}"`;
    });
    for (const [style, n] of attrs) rules.push(`[data-style="${n}"]{${style.replace(/&quot;/g, '"').replace(/&#39;/g, "'")}}`);
    reportCss = rules.join('\n');
    return out;
  }

  async function serveFile(response: ServerResponse, file: string, transform?: (text: string) => string) {
    const ext = file.slice(file.lastIndexOf('.') + 1);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(ext === 'html' ? { 'content-security-policy': csp } : {}) });
      response.end(transform ? transform(body.toString('utf8')) : body);
    } catch {
      response.writeHead(404).end();
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const session = sessionOfHeader(request.headers.cookie);

    if (gatewayHandler && (path === GATEWAY_PATH || path.startsWith(`${GATEWAY_PATH}/`))) {
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
      const answer = await gatewayHandler(new Request(new URL(request.url ?? '/', origin), { method, headers, ...(body ? { body } : {}) }));
      response.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (path === '/' && method === 'GET') return html(response, 200, indexPage(definitions, session && who(session), sessionHead(session), integrity));
    if (path === '/login' && method === 'GET') return html(response, 200, loginPage(everyone, url.searchParams.get('next') ?? '/'));
    if (path === '/login' && method === 'POST') {
      const form = new URLSearchParams(Buffer.from(await readBody(request)).toString("utf8"));
      const person = everyone.find((p) => p.personalId === form.get('citizen'));
      const business = person && form.get(`actingFor-${person.personalId}`);
      if (!person || (business && !person.parties.some((b) => b.enterpriseCode === business))) return html(response, 400, loginPage(everyone, '/', 'Lựa chọn không hợp lệ.'));
      const id = randomBytes(18).toString('base64url');
      sessions.set(id, { id, personalId: person.personalId, ...(business ? { enterpriseCode: business } : {}), loginAt: Date.now(), csrf: randomBytes(18).toString('base64url') });
      const next = form.get('next') ?? '/';
      return redirect(response, next.startsWith('/') && !next.startsWith('//') ? next : '/', { 'set-cookie': `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` });
    }
    if (path === '/logout' && method === 'POST') {
      if (session) sessions.delete(session.id);
      return redirect(response, '/', { 'set-cookie': `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
    }
    if (path.startsWith('/oncefill/') && EMBED_FILES.has(path.slice(10))) return serveFile(response, join(DIST, path.slice(10)));
    if (path.startsWith('/examples/legacy-page/') && LEGACY_FILES.has(path.slice(22))) return serveFile(response, join(LEGACY, path.slice(22)));
    const definitionFile = /^\/procedures\/(\d\.\d{6})\.json$/.exec(path);
    if (definitionFile && procedures.has(definitionFile[1]!)) return serveFile(response, join(PACKAGE_ROOT, 'procedures', `${definitionFile[1]}.json`));
    if (path === '/telemetry' && method === 'POST') return telemetrySink(request, response);
    if (path === '/report' && method === 'GET') return html(response, 200, externalizeStyles(renderKpiHtml(await report())));
    if (path === '/report.css') return void response.writeHead(200, { 'content-type': TYPES.css!, 'cache-control': 'no-store' }).end(reportCss);
    if (path === '/report.json') return void response.writeHead(200, { 'content-type': TYPES.json!, 'cache-control': 'no-store' }).end(JSON.stringify(await report(), null, 2));

    // Everything below is for a logged-in citizen.
    const example = /^\/examples\/(react-19|react-18|vue)\/([\w.-]+\.(?:html|js|css))$/.exec(path);
    const legacy = /^\/legacy\/(\d\.\d{6})$/.exec(path);
    const receiptPath = /^\/legacy\/receipt\/(HS-[\d.]+-\d{4})$/.exec(path);
    const submit = /^\/submit\/(\d\.\d{6})$/.exec(path);
    if (!example && !legacy && !receiptPath && !submit) return void response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
    const isPage = method === 'GET' && (legacy || receiptPath || example?.[2]!.endsWith('.html'));
    if (!session) return isPage ? redirect(response, `/login?next=${encodeURIComponent(path)}`) : void response.writeHead(401).end();
    // The session's meta tags go into the pages only: React 19's development bundle has `<head>` in a string.
    if (example) return serveFile(response, join(EXAMPLES[example[1]!]!, example[2]!), example[2]!.endsWith('.html') ? (text) => text.replace(/<head>/, `<head>${sessionHead(session)}`) : undefined);
    if (submit && method === 'POST' && procedures.has(submit[1]!)) return jsonPost(request, response, session, submit[1]!);
    if (legacy) {
      const definition = definitions.find((d) => d.code === legacy[1]);
      if (!definition) return void response.writeHead(404).end();
      if (method === 'POST') return legacyPost(request, response, session, definition);
      return html(response, 200, legacyPage(session, definition));
    }
    if (receiptPath) {
      const found = receipts.get(receiptPath[1]!);
      if (!found || found.session !== session.id) return void response.writeHead(404).end();
      const definition = definitions.find((d) => d.code === found.code)!;
      return html(
        response,
        200,
        fill(receipt, {
          title: esc(definition.title.vi),
          code: esc(found.code),
          dossier: esc(found.dossier),
          dossierRef: dossierRef(found.dossier),
          loginAt: String(session.loginAt),
          now: String(Date.now()),
          integrity,
          user: esc(who(session)),
          reused: found.reused ? `${found.reused} giấy tờ không phải nộp lại: đã có trong kho dữ liệu.` : '',
        }),
      );
    }
    response.writeHead(405).end();
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLarge && !response.headersSent)
        return void response.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'body too large', limit: MAX_BODY }));
      // No value, ID or name in what the demo prints or answers.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Lỗi máy chủ');
      else response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!gatewayUrl)
    gatewayHandler = fixtureGateway({
      basePath: GATEWAY_PATH,
      origins: [...new Set([origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`])],
      sessionOf: (request) => sessionOfHeader(request.headers.get('cookie') ?? undefined),
      ...(options.sourceFaults ? { faults: options.sourceFaults } : {}),
    });
  if (!options.quiet) console.log(`oncefill demo: ${origin}/`);
  return {
    url: `${origin}/`,
    eventsFile,
    dossiers,
    telemetry,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export { FRAMEWORK_PAGES };
