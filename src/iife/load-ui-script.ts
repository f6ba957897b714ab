/**
 * The embed's `loadUi` (the build swaps it in for `src/dom/load-ui.ts`): loads
 * `oncefill.ui.js` from the assets URL with a `<script src>` (allowed by `script-src 'self'`,
 * no inline script) pinned by its Subresource Integrity hash, which the build writes here.
 */
import { OncefillError } from '../shared/OncefillError.js';
import { UI_KEY, type BindingUi } from '../dom/ui/types.js';
import { assets } from './assets.js';

/** Replaced by the build (`scripts/after-build.ts`) with the hash of `dist/oncefill.ui.js`. */
export const UI_INTEGRITY = 'sha256-ONCEFILL_UI_INTEGRITY_______________________';

let loading: Promise<BindingUi> | undefined;

export function loadUi(): Promise<BindingUi> {
  return (loading ??= new Promise((resolve, reject) => {
    const found = () => (globalThis as { [UI_KEY]?: BindingUi })[UI_KEY];
    if (found()) return resolve(found()!);
    const script = document.createElement('script');
    const failed = () => {
      loading = undefined;
      script.remove();
      // The browser tells a missing file and one refused for its integrity apart to the console only.
      reject(new OncefillError('ui-unavailable', `oncefill.ui.js from "${assets.url}" did not load, or is not the file this build pins`));
    };
    script.src = `${assets.url}oncefill.ui.js`;
    script.integrity = UI_INTEGRITY;
    script.crossOrigin = 'anonymous';
    script.onload = () => (found() ? resolve(found()!) : failed());
    script.onerror = failed;
    document.head.append(script);
  }));
}
