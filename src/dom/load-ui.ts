/**
 * Loads the on-demand UI (`ui/index.ts`). In `oncefill/dom` it is a chunk of the package; the
 * one-tag embed's build swaps this module for `src/iife/load-ui-script.ts`, which loads
 * `oncefill.ui.js` from the assets URL.
 */
import type { BindingUi } from './ui/types.js';

let loading: Promise<BindingUi> | undefined;

/** The UI, loaded once. */
export function loadUi(): Promise<BindingUi> {
  return (loading ??= import('./ui/index.js').then((m) => m.ui));
}
