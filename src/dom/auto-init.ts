/**
 * `autoInit`: the declarative contract of the one-tag embed. Each
 * `<form data-oncefill-procedure="1.004616">` is bound once, however often the script runs;
 * everything else is read from `data-oncefill-*` attributes (on the form, else on any element
 * of the page such as the script tag) — see the README's one-tag section for the full list.
 */
import { guardProcedure } from '../schema/guard-procedure.js';
import type { Procedure } from '../schema/procedure-format.js';
import { BindError } from '../shared/BindError.js';
import type { ActingFor } from '../shared/protocol.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { createTelemetry } from '../telemetry/create-telemetry.js';
import { telemetryHub } from '../telemetry/telemetry-hub.js';
import { markLogout } from '../timing/mark-logout.js';
import { BINDING_KEY, bindForm, type Binding } from './bind-form.js';
import { bindRatingPrompt } from './bind-rating-prompt.js';
import { loadUi } from './load-ui.js';

/** Set on a form as soon as one copy of oncefill claims it, before its definition loads. */
const CLAIM_KEY = Symbol.for('oncefill.claim');
/** Page-wide set-up (telemetry, rating prompt, logout hook) happens once per page. */
const PAGE_KEY = Symbol.for('oncefill.page');

type Claimable = { [CLAIM_KEY]?: boolean; [BINDING_KEY]?: Binding };

/** A `data-oncefill-{name}` value: the form's own, else the first element on the page that sets it. */
export function setting(form: Element | undefined, name: string): string | undefined {
  const attr = `data-oncefill-${name}`;
  const value = form?.getAttribute(attr) ?? document.querySelector(`[${attr}]`)?.getAttribute(attr);
  return value?.trim() || undefined;
}

/** `X-CSRF-Token: meta[name=csrf-token]` or `X-XSRF-TOKEN: cookie:XSRF-TOKEN` → a per-request header. */
function csrfHeaders(spec: string): () => Record<string, string> {
  const m = /^([\w-]+)\s*:\s*(.+)$/.exec(spec);
  if (!m) throw new BindError('bad-option', 'data-oncefill-csrf must be "Header-Name: css-selector" or "Header-Name: cookie:NAME"');
  const [, header, where] = m as unknown as [string, string, string];
  return () => {
    let token: string | null | undefined;
    if (where.startsWith('cookie:')) {
      const name = `${where.slice(7)}=`;
      const cookie = document.cookie.split('; ').find((c) => c.startsWith(name));
      token = cookie && decodeURIComponent(cookie.slice(name.length));
    } else {
      const el = document.querySelector(where);
      token = el?.getAttribute('content') ?? (el as HTMLInputElement | null)?.value;
    }
    return token ? { [header]: token } : {};
  };
}

/** `enterpriseCode:0312687878` or `personalId:…`. */
function actingFor(spec: string | undefined): ActingFor | undefined {
  const m = spec && /^(enterpriseCode|personalId):(\S+)$/.exec(spec);
  if (spec && !m) throw new BindError('bad-option', 'data-oncefill-acting-for must be "enterpriseCode:…" or "personalId:…"');
  return m ? ({ [m[1]!]: m[2]! } as unknown as ActingFor) : undefined;
}

async function loadDefinition(form: HTMLFormElement, code: string, gateway: string | undefined, credentials: RequestCredentials): Promise<Procedure> {
  const inline = form.querySelector('script[type="application/json"][data-oncefill-definition]');
  let json: unknown = inline?.textContent;
  if (json === undefined) {
    const url = form.getAttribute('data-oncefill-definition') || (gateway && `${gateway.replace(/\/+$/, '')}/procedures/${encodeURIComponent(code)}`);
    if (!url) throw new BindError('no-definition', `no definition for ${code}: needs data-oncefill-definition or data-oncefill-gateway`);
    const response = await fetch(url, { credentials, headers: { accept: 'application/json' } }).catch((cause: unknown) => {
      throw new BindError('no-definition', `the definition of ${code} could not be fetched`, { cause });
    });
    if (!response.ok) throw new BindError('no-definition', `the definition of ${code} answered HTTP ${response.status}`);
    json = await response.text();
  }
  let procedure: Procedure;
  try {
    procedure = guardProcedure(json);
  } catch (cause) {
    throw new BindError('bad-definition', `the definition of ${code} is not a procedure definition (oncefill check)`, { cause });
  }
  if (procedure.code !== code) throw new BindError('bad-definition', `the definition is for ${procedure.code}, the form says ${code}`);
  return procedure;
}

/** Binds one declared form; errors go to the form's `sdk:error` event. */
async function bindDeclared(form: HTMLFormElement): Promise<Binding | undefined> {
  const code = form.getAttribute('data-oncefill-procedure')!.trim();
  const lang = (setting(form, 'lang') ?? document.documentElement.lang).toLowerCase().startsWith('en') ? 'en' : 'vi';
  try {
    const gateway = setting(form, 'gateway');
    const credentials = (setting(form, 'credentials') ?? 'same-origin') as RequestCredentials;
    if (!/^(omit|same-origin|include)$/.test(credentials)) throw new BindError('bad-option', 'data-oncefill-credentials must be omit, same-origin or include');
    const csrf = setting(form, 'csrf');
    const headers = csrf ? csrfHeaders(csrf) : undefined;
    const acting = actingFor(setting(form, 'acting-for'));
    const procedure = await loadDefinition(form, code, gateway, credentials);
    return bindForm(form, {
      procedure,
      lang,
      sources: gateway ? createGatewaySources({ baseUrl: gateway, credentials, headers }) : undefined,
      actingFor: acting,
      // `off`: the page asks for consent itself (or not at all); the built-in dialog stays away.
      consent: setting(form, 'consent') !== 'off' && undefined,
    });
  } catch (error) {
    delete (form as Claimable)[CLAIM_KEY];
    form.setAttribute('data-oncefill-error', (error as BindError).code ?? 'bad-option');
    form.dispatchEvent(new CustomEvent('sdk:error', { bubbles: true, detail: { error } }));
    // Integrators need to see why a form stayed unbound; the message names no value.
    console.warn((error as Error).message);
    // A definition that did not come: the citizen still learns they can type it all in.
    if (/definition/.test((error as BindError).code)) loadUi().then((ui) => ui.unavailable(form, lang), () => undefined);
    return undefined;
  }
}

/** Telemetry, the rating prompt, receipts and the logout hook: once per page. */
function setUpPage(): void {
  const page = window as unknown as { [PAGE_KEY]?: boolean };
  if (page[PAGE_KEY]) return;
  page[PAGE_KEY] = true;
  const endpoint = setting(undefined, 'telemetry');
  if (endpoint) {
    createTelemetry({ endpoint });
    if (setting(undefined, 'rating') !== 'off') bindRatingPrompt({ lang: (setting(undefined, 'lang') ?? document.documentElement.lang).startsWith('en') ? 'en' : 'vi' });
  } else if (document.querySelector('[data-oncefill-receipt]')) telemetryHub();
  const onLogout = (event: Event) => {
    const hook = (event.target as Element | null)?.closest?.('[data-oncefill-logout]');
    // A logout form counts on submit, a link or button on click.
    if (hook && (event.type === 'submit') === (hook.tagName === 'FORM')) markLogout();
  };
  document.addEventListener('click', onLogout, true);
  document.addEventListener('submit', onLogout, true);
}

/**
 * Binds every `<form data-oncefill-procedure>` under `root` not bound yet (by this or any other
 * copy of oncefill), and sets up the page once: telemetry (`data-oncefill-telemetry`), the
 * rating prompt (off with `data-oncefill-rating="off"`), receipts, the `data-oncefill-logout`
 * hook. Never throws: a form that cannot be bound gets `data-oncefill-error` and an `sdk:error` event.
 * @returns the bindings made now.
 * @example
 * document.addEventListener('DOMContentLoaded', () => autoInit())
 */
export async function autoInit(root: ParentNode = document): Promise<Binding[]> {
  try {
    setUpPage();
    const forms = Array.from(root.querySelectorAll<HTMLFormElement>('form[data-oncefill-procedure]')).filter((form) => {
      const claim = form as Claimable;
      if (claim[CLAIM_KEY] || claim[BINDING_KEY]) return false;
      return (claim[CLAIM_KEY] = true);
    });
    const bindings = await Promise.all(forms.map(bindDeclared));
    return bindings.filter((b): b is Binding => b !== undefined);
  } catch {
    return [];
  }
}
