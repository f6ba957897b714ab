/**
 * `oncefill`: the DOM-free core. Definitions, sources, resolution and the form session.
 * Everything public is listed here by name.
 */
export { version } from './shared/version.js';
export { OncefillError, isOncefillError } from './shared/OncefillError.js';
export { DefinitionError, isDefinitionError, type DefinitionIssue, type DefinitionIssueCode } from './shared/DefinitionError.js';
export { SourceError, isSourceError, type SourceErrorCode } from './shared/SourceError.js';
export { BindError, isBindError, type BindErrorCode } from './shared/BindError.js';
export { defineProcedure, parseProcedure, checkProcedure, type ProcedureCheck } from './schema/parse-procedure.js';
export { procedureJsonSchema } from './schema/procedure-json-schema.js';
export {
  lookupAttribute,
  ATTRIBUTE_TYPES,
  DOCUMENT_TYPE_IDS,
  type AttributeValueType,
  type DocumentValue,
  type ResolvedAttribute,
} from './schema/attribute-types.js';
export {
  DEFINITION_LIMITS,
  FIELD_TYPES,
  SOURCE_KINDS,
  type Procedure,
  type ProcedureDefinition,
  type Field,
  type FieldOf,
  type FieldType,
  type Step,
  type DossierComponent,
  type Reuse,
  type AttributeRef,
  type Condition,
  type LocalizedText,
  type Option,
  type Citation,
  type Status,
  type SourceKind,
} from './schema/procedure-format.js';
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
