/**
 * The one-tag embed (`dist/oncefill.global.js`, global `Oncefill`). The only module with
 * top-level effects. It checks definitions with the small structural guard, so it carries no zod.
 */
export { version } from '../shared/version.js';
export { guardProcedure as parseProcedure } from '../schema/guard-procedure.js';
