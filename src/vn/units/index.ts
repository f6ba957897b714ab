/** `oncefill/vn/units` (Node only): the full administrative-unit data and the old→new mapping. */
export { version } from '../../shared/version.js';
