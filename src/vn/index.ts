/** `oncefill/vn`: browser-safe Vietnamese data helpers. */
export { version } from '../shared/version.js';
