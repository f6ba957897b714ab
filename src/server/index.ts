/** `oncefill/server` (Node): the prefill gateway, provenance, submission validation, ingest, KPIs. */
export { version } from '../shared/version.js';
export { checkProcedure, type ProcedureCheck } from '../schema/parse-procedure.js';
export { attributeCatalogue, DOCUMENT_TYPES, type AttributeSpec } from '../schema/attribute-catalogue.js';
