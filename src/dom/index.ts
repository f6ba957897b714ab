/** `oncefill/dom`: filled in by its issue; every public name is listed here. */
export { version } from '../shared/version.js';
