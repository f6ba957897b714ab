/**
 * `oncefill/react`: the `useOncefill` hook over the headless form session. React (18 or 19)
 * is an optional peer dependency. Every public name is listed here.
 */
export { version } from '../shared/version.js';
export {
  useOncefill,
  DEFAULT_USE_ONCEFILL_OPTIONS,
  type OncefillField,
  type OncefillStatus,
  type RegisteredProps,
  type UseOncefillOptions,
  type UseOncefillResult,
  type ValueSetter,
} from './use-oncefill.js';
