/**
 * The closed vocabularies of a measurement ("flow": one filling of one form). Telemetry's
 * schemas are built from these, so timing and the wire cannot disagree.
 */

/** The procedure a flow fills: the definition's code and version. */
export interface ProcedureRef {
  code: string;
  version: string;
}

/** How the clock's start was found: the server's login time, `markLogin()`, or the form opening. */
export const ANCHOR_KINDS = ['server', 'login-mark', 'form-open'] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

/**
 * Why a submission failed: `invalid` (the form's own checks), `rejected` (the server refused
 * fields), `server` (5xx), `network`, `unknown`. The last three end a flow: the citizen cannot
 * fix them, so the rating prompt may follow.
 */
export const SUBMIT_FAILURES = ['invalid', 'rejected', 'server', 'network', 'unknown'] as const;
export type SubmitFailure = (typeof SUBMIT_FAILURES)[number];

/** `idle`: no input for the stated time; `left`: a later page load found the form unfinished; `logout`. */
export const ABANDON_REASONS = ['idle', 'left', 'logout'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/**
 * Where the citizen was: `prefill` (waiting for sources), `filling` (no submit attempt yet),
 * `fixing` (the last attempt failed), `submitting` (attempted, never confirmed).
 */
export const ABANDON_PHASES = ['prefill', 'filling', 'fixing', 'submitting'] as const;
export type AbandonPhase = (typeof ABANDON_PHASES)[number];

/** How a flow ended. */
export type FlowEnding = 'confirmed' | 'failed' | 'abandoned';
