/** `oncefill/server` (Node): the prefill gateway, provenance, submission validation, ingest, KPIs. */
export { version } from '../shared/version.js';
export { checkProcedure, type ProcedureCheck } from '../schema/check-procedure.js';
export { attributeCatalogue, DOCUMENT_TYPES, type AttributeSpec } from '../schema/attribute-catalogue.js';
export { canonicalJson, CANONICAL_JSON_MAX_DEPTH } from './canonical-json.js';
export { hashValue } from './hash-value.js';
export { subjectHash } from './subject-hash.js';
export {
  DEFAULT_PROVENANCE_OPTIONS,
  PROVENANCE_LIMITS,
  type ProvenanceKey,
  type ProvenanceKeys,
  type ProvenancePayload,
  type ProvenanceSubject,
  type ReuseReference,
  type SignedField,
} from './provenance-format.js';
export { signProvenance, type ProvenanceStatement, type SignProvenanceOptions, type StatementField } from './sign-provenance.js';
export {
  verifyProvenance,
  type ComponentReport,
  type FieldReport,
  type ProvenanceProblem,
  type ProvenanceProblemCode,
  type ProvenanceReport,
  type ProvenanceSubmission,
  type StatementProblemCode,
  type StatementReport,
  type VerifyProvenanceOptions,
} from './verify-provenance.js';
