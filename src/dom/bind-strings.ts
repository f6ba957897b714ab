import { EN_BIND_STRINGS } from './ui/en-strings.js';
import { VI_BIND_STRINGS } from './vi-strings.js';

export type { BindStrings } from './vi-strings.js';

/**
 * The words a bound form shows, Vietnamese and English. Pass some of them as `strings` to
 * `bindForm` to change them.
 * @example
 * bindForm(form, { procedure, sources, strings: { sources: { population: 'Cơ sở dữ liệu dân cư' } } })
 */
export const BIND_STRINGS = { vi: VI_BIND_STRINGS, en: EN_BIND_STRINGS } as const;
