/**
 * Where the embed's other files are (`oncefill.ui.js`, `oncefill.css`): the directory of the
 * script's own URL, unless `data-oncefill-assets` says otherwise.
 */
export const assets = { url: '' };
