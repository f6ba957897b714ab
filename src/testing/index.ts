/** `oncefill/testing`: msw handlers that run the real gateway over fictional national records. */
export { version } from '../shared/version.js';
