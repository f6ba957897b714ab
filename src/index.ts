/**
 * `oncefill`: the DOM-free core. Definitions, sources, resolution and the form session.
 * Everything public is listed here by name.
 */
export { version } from './shared/version.js';
export { OncefillError, isOncefillError } from './shared/OncefillError.js';
export { DefinitionError, isDefinitionError, type DefinitionIssue, type DefinitionIssueCode } from './shared/DefinitionError.js';
export { SourceError, isSourceError, type SourceErrorCode } from './shared/SourceError.js';
export { BindError, isBindError, type BindErrorCode } from './shared/BindError.js';
export { defineProcedure, parseProcedure } from './schema/parse-procedure.js';
export { checkProcedure, type ProcedureCheck } from './schema/check-procedure.js';
export { procedureJsonSchema } from './schema/procedure-json-schema.js';
export { evaluateCondition, isEmptyValue } from './schema/evaluate-condition.js';
export {
  lookupAttribute,
  ATTRIBUTE_TYPES,
  DOCUMENT_TYPE_IDS,
  type AttributeValueType,
  type DocumentValue,
  type ResolvedAttribute,
} from './schema/attribute-types.js';
export { DEFINITION_LIMITS, FIELD_TYPES, SOURCE_KINDS, type FieldType, type SourceKind } from './schema/format-constants.js';
export type {
  Procedure,
  ProcedureDefinition,
  Field,
  FieldOf,
  Step,
  DossierComponent,
  Reuse,
  AttributeRef,
  Condition,
  LocalizedText,
  Option,
  Citation,
  Status,
} from './schema/procedure-format.js';
export { createGatewaySources, DEFAULT_GATEWAY_SOURCES_OPTIONS, type GatewaySources, type GatewaySourcesOptions } from './sources/create-gateway-sources.js';
export type { Source, Sources } from './sources/types.js';
export { resolvePrefill, DEFAULT_RESOLVE_PREFILL_OPTIONS, type ResolvePrefillOptions, type ConsentPrompt } from './resolve/resolve-prefill.js';
export { clearPrefillCache } from './resolve/prefill-cache.js';
export type {
  AddressValue,
  Candidate,
  DocumentResult,
  DocumentStatus,
  FieldReason,
  FieldResult,
  FieldStatus,
  FieldValue,
  PrefillResult,
  Provenance,
  ReuseDisplay,
  SourceResult,
  SourceStatus,
} from './resolve/types.js';
export type { ReuseReference } from './shared/reuse-reference.js';
export {
  createFormSession,
  type ApplyReport,
  type FieldState,
  type FormSession,
  type FormSessionEvents,
  type FormSessionOptions,
  type SetBy,
  type SubmissionEnvelope,
} from './session/create-form-session.js';
export type { AbortSignalLike } from './shared/host.js';
export type {
  ActingFor,
  AttributeAnswer,
  ConsentAnswer,
  ConsentRequest,
  JsonValue,
  ProtocolErrorBody,
  ProtocolErrorCode,
  SourceAnswer,
  SourceId,
  SourceQuery,
  Verification,
} from './shared/protocol.js';
