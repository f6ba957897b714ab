/**
 * What the React and the Vue example pages share with the portal around them (one file,
 * imported by both): where the gateway is, which procedure the page is for, where the dossier
 * goes, and whom the citizen acts for. The page's HTML says it with data attributes on
 * `#app`, as a portal's server template would.
 */
import { createGatewaySources, parseProcedure, type ActingFor, type ConsentPrompt, type Procedure, type SubmissionEnvelope } from 'oncefill';
import { createTelemetry } from 'oncefill/dom';
import { dossierValues, type SubmissionProblem } from './dossier.js';

export interface PortalConfig {
  /** The portal's oncefill gateway, e.g. `/api/oncefill`. */
  gateway: string;
  /** Procedure code, e.g. `1.004616`. */
  procedure: string;
  /** Where the dossier is POSTed (JSON). */
  action: string;
  /** Telemetry endpoint, when the portal collects it. */
  telemetry?: string;
  actingFor?: ActingFor;
}

export function readConfig(root: HTMLElement): PortalConfig {
  const d = root.dataset;
  const config: PortalConfig = { gateway: d.gateway ?? '/api/oncefill', procedure: d.procedure ?? '', action: d.action ?? '/submit' };
  if (d.telemetry) config.telemetry = d.telemetry;
  if (d.enterpriseCode) config.actingFor = { enterpriseCode: d.enterpriseCode };
  return config;
}

/** The gateway serves every definition: `GET {gateway}/procedures/{code}`. */
export async function loadProcedure(config: PortalConfig): Promise<Procedure> {
  const response = await fetch(`${config.gateway.replace(/\/+$/, '')}/procedures/${encodeURIComponent(config.procedure)}`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`procedure ${config.procedure}: HTTP ${response.status}`);
  return parseProcedure(await response.json());
}

/** The session's CSRF token, which the portal's server template puts in `<meta name="csrf-token">`. */
function csrfHeader(): Record<string, string> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  return token ? { 'x-csrf-token': token } : {};
}

const sourcesByGateway = new Map<string, ReturnType<typeof createGatewaySources>>();
/** One set of sources per gateway, created once: the hook must get the same object on every render. */
export function sourcesFor(config: PortalConfig) {
  let sources = sourcesByGateway.get(config.gateway);
  if (!sources) sourcesByGateway.set(config.gateway, (sources = createGatewaySources({ baseUrl: config.gateway, headers: csrfHeader })));
  return sources;
}

/** The national sources, as the citizen knows them. */
export const SOURCE_NAMES: Record<string, string> = {
  population: 'Cơ sở dữ liệu quốc gia về dân cư',
  results: 'Kho kết quả thủ tục hành chính',
  personal: 'Kho dữ liệu cá nhân',
  business: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
};

/** Asks the citizen before a source that needs consent (the personal store), in the form's words. */
export function askConsent(prompt: ConsentPrompt): boolean {
  const fields = prompt.fields.map((f) => f.label.vi).join(', ');
  return window.confirm(`Cho phép lấy ${fields} từ ${SOURCE_NAMES[prompt.source] ?? prompt.source} để điền hồ sơ “${prompt.procedure.title.vi}”?`);
}

let telemetryStarted = false;
export function startTelemetry(config: PortalConfig): void {
  if (telemetryStarted || !config.telemetry) return;
  telemetryStarted = true;
  createTelemetry({ endpoint: config.telemetry });
}

export interface SubmitAnswer {
  /** The portal accepted and numbered the dossier. */
  ok: boolean;
  /** The dossier number the portal gave (shown to the citizen). */
  dossier?: string;
  /** A keyed hash of it, for telemetry. */
  dossierRef?: string;
  /** Why the portal refused it (HTTP 422), by field path. */
  errors?: SubmissionProblem[];
}

/**
 * POSTs the dossier as JSON: the procedure, the values the citizen can see and answered (see
 * `dossierValues`), and the provenance envelope. Only a 2xx answer with a dossier number is a
 * success; a refusal carries the problems by field path.
 */
export async function submitDossier(config: PortalConfig, procedure: Procedure, values: Record<string, unknown>, envelope: SubmissionEnvelope | undefined): Promise<SubmitAnswer> {
  const response = await fetch(config.action, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...csrfHeader() },
    body: JSON.stringify({ procedure: { code: procedure.code, version: procedure.version }, values: dossierValues(procedure, values), envelope }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<SubmitAnswer>;
  const errors = Array.isArray(body.errors) ? body.errors.filter((e) => typeof e?.path === 'string' && typeof e?.code === 'string').map(({ path, code }) => ({ path, code })) : [];
  if (response.ok && typeof body.dossier === 'string') return { ok: true, dossier: body.dossier, ...(typeof body.dossierRef === 'string' ? { dossierRef: body.dossierRef } : {}) };
  return { ok: false, errors };
}
