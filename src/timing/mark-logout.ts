import { timingPage } from './timing-page.js';

/**
 * Records a logout: unfinished flows are reported abandoned, queued telemetry is sent once and
 * cleared, and oncefill's timing keys and telemetry session leave sessionStorage. A page
 * restored from the back/forward cache afterwards is told so (`'session:ended'`), so the form
 * binding clears the values it filled.
 * @example
 * logoutButton.addEventListener('click', () => Oncefill.markLogout())
 */
export function markLogout(): void {
  timingPage().markLogout();
}
