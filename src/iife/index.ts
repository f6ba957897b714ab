/**
 * The one-tag embed (`dist/oncefill.global.js`, global `Oncefill`). The only module with
 * top-level effects: it notes where it was loaded from, and on DOMContentLoaded links
 * `oncefill.css` (unless `data-oncefill-styles="off"`) and runs `autoInit()`. A second copy
 * of the script (loaded twice, or beside an npm bundle) binds nothing twice. It checks
 * definitions with the small structural guard, so it carries no zod.
 */
import { autoInit, setting } from '../dom/auto-init.js';
import { version } from '../shared/version.js';
import { assets } from './assets.js';

export { version } from '../shared/version.js';
export { guardProcedure as parseProcedure } from '../schema/guard-procedure.js';
export { createGatewaySources } from '../sources/create-gateway-sources.js';
export { resolvePrefill } from '../resolve/resolve-prefill.js';
export { createFormSession } from '../session/create-form-session.js';
export { bindForm } from '../dom/bind-form.js';
export { autoInit } from '../dom/auto-init.js';
export { markLogin } from '../timing/mark-login.js';
export { markLogout } from '../timing/mark-logout.js';
export { confirmSubmission } from '../timing/confirm-submission.js';
export { onTimeToSubmit } from '../timing/on-time-to-submit.js';
export { createTelemetry } from '../telemetry/create-telemetry.js';
export { rate } from '../dom/rate.js';
export { bindRatingPrompt } from '../dom/bind-rating-prompt.js';

/** Replaced by the build with the hash of `dist/oncefill.css`. */
const CSS_INTEGRITY = 'sha256-ONCEFILL_CSS_INTEGRITY______________________';
const EMBED_KEY = Symbol.for('oncefill.embed');

function start(): void {
  const chosen = setting(undefined, 'assets');
  if (chosen) assets.url = chosen.replace(/\/?$/, '/');
  if (!document.querySelector('[data-oncefill-styles="off"]') && assets.url) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${assets.url}oncefill.css`;
    link.integrity = CSS_INTEGRITY;
    link.crossOrigin = 'anonymous';
    // First in <head>, and every rule inside :where(): the portal's own styles always win.
    document.head.prepend(link);
  }
  void autoInit();
}

try {
  assets.url = ((document.currentScript as HTMLScriptElement | null)?.src ?? '').replace(/[^/]*$/, '');
  const page = window as unknown as { [EMBED_KEY]?: string };
  if (!page[EMBED_KEY]) {
    page[EMBED_KEY] = version;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }
} catch {
  // The embed never breaks the page it is on.
}
