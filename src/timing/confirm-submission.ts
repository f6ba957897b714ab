import { timingPage, type TimeToSubmit } from './timing-page.js';

export interface ConfirmSubmissionOptions {
  /**
   * The dossier as the portal's server references it in telemetry: an HMAC-SHA256 of its
   * dossier number under a key the browser never sees (64 hex digits or 43 base64url
   * characters). Anything else is left out of telemetry.
   */
  dossierRef?: string;
  /** The procedure code whose flow this confirms, when several are open. */
  procedure?: string;
}

/**
 * Ends time-to-submit at a confirmed success and emits `submit:confirmed`. Call it when the
 * portal has accepted the dossier (or put `data-oncefill-receipt="{dossierRef}"` on an element of
 * the receipt page). A second confirmation of the same flow (a retried request, a reload of the
 * receipt page, a page restored from the back/forward cache) is ignored.
 * @returns the measurement, or `undefined` when no flow was waiting.
 * @example
 * const res = await submit(dossier)
 * if (res.ok) Oncefill.confirmSubmission({ dossierRef: res.dossierRef })
 */
export function confirmSubmission(options: ConfirmSubmissionOptions = {}): TimeToSubmit | undefined {
  return timingPage().confirmSubmission(options);
}
