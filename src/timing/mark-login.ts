import { timingPage } from './timing-page.js';

/**
 * Records that the citizen just logged in: the anchor of time-to-submit when the server does
 * not inject `<meta name="oncefill-login-at">`. Kept in sessionStorage, so it survives the
 * redirects after a login. Call it once, where the login succeeds; it starts a new telemetry
 * session and forgets flows of an earlier login.
 * @example
 * await portal.login(form); Oncefill.markLogin(); location.assign('/dich-vu')
 */
export function markLogin(): void {
  timingPage().markLogin();
}
