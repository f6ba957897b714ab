/**
 * The events oncefill dispatches on a form it binds (they bubble), declared in the DOM's event
 * maps so `form.addEventListener('rows:needed', (e) => e.detail.group)` type-checks.
 */
import type { OncefillError } from '../shared/OncefillError.js';

/** `rows:needed`: the sources hold more rows of a repeated group than the form shows. */
export interface RowsNeededDetail {
  /** The group's path, as in its controls' names (`diplomas` for `diplomas[0].diplomaTitle`). */
  group: string;
  /** How many rows the sources' answers fill. */
  rows: number;
  /** How many rows the form has controls for now: add `rows - present`. */
  present: number;
}

/** `sdk:error`: oncefill caught an error of its own; the page keeps working. */
export interface SdkErrorDetail {
  /** A BindError, DefinitionError or another OncefillError; the message names no value. */
  error: OncefillError | Error;
}

/** Every event oncefill dispatches on a form, by type. */
export interface OncefillFormEventMap {
  'rows:needed': CustomEvent<RowsNeededDetail>;
  'sdk:error': CustomEvent<SdkErrorDetail>;
}

declare global {
  // The form and, as they bubble, its ancestors.
  interface HTMLElementEventMap extends OncefillFormEventMap {}
  interface DocumentEventMap extends OncefillFormEventMap {}
}
