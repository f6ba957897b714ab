/** `dist/oncefill.ui.js`: the on-demand UI of the one-tag embed; it registers itself for the main file. */
import { ui } from '../dom/ui/index.js';
import { UI_KEY } from '../dom/ui/types.js';

(globalThis as { [UI_KEY]?: typeof ui })[UI_KEY] ??= ui;
