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
export {
  createPrefillGateway,
  DEFAULT_PREFILL_GATEWAY_OPTIONS,
  type ConsentRecord,
  type GatewayAuthorization,
  type GatewayCsrfOptions,
  type GatewayErrorStage,
  type GatewaySource,
  type GatewaySourceCall,
  type PrefillGateway,
  type PrefillGatewayOptions,
} from './create-prefill-gateway.js';
export { GatewaySourceError, isGatewaySourceError, type GatewaySourceErrorCode, type GatewaySourceErrorDetails } from './GatewaySourceError.js';
export { adaptPopulationRecord } from './adapt-population.js';
export { adaptResultList, type AdaptDocumentsOptions } from './adapt-results.js';
export { adaptPersonalStore } from './adapt-personal-store.js';
export { adaptBusinessRecord } from './adapt-business-record.js';
export { ADAPTER_LIMITS } from './adapt-values.js';
export type {
  BusinessRecord,
  NationalAddress,
  NationalDocument,
  NationalFile,
  NationalHouseholdHead,
  NationalLegalRepresentative,
  NationalName,
  NationalRelative,
  PersonalStoreRecord,
  PopulationAnswer,
  PopulationRecord,
  ResultListAnswer,
} from './national-shapes.js';
export { protocolJsonSchemas } from './protocol-schemas.js';
export { submissionJsonSchema } from './submission-json-schema.js';
export { validateSubmission, type SubmissionError, type SubmissionValidation } from './validate-submission.js';
export {
  readFormSubmission,
  ENVELOPE_INPUT_NAME,
  type FormPost,
  type FormSubmission,
  type FormSubmissionProblem,
} from './read-form-submission.js';
export { evaluateCondition, isEmptyValue } from '../schema/evaluate-condition.js';
export {
  createTelemetryIngest,
  DEFAULT_INGEST_OPTIONS,
  ingestTelemetry,
  type IngestIssue,
  type IngestIssueCode,
  type IngestOptions,
  type IngestStats,
  type TelemetryIngest,
  type TelemetryInput,
} from './ingest-telemetry.js';
/** The closed JSON Schemas of the telemetry wire (also in docs/telemetry.md), for a portal's own collector. */
export {
  telemetryBatchSchema,
  telemetryEventSchemas,
  TELEMETRY_EVENT_NAMES,
  type TelemetryBatch,
  type TelemetryEvent,
  type TelemetryEventName,
} from '../telemetry/event-schemas.js';
export {
  createKpiAggregator,
  DEFAULT_KPI_OPTIONS,
  kpiReport,
  type KpiAggregator,
  type KpiMetrics,
  type KpiOptions,
  type KpiReport,
  type KpiReportOptions,
  type ProcessingKpi,
  type SatisfactionKpi,
  type SourceKpi,
  type TimeToSubmitKpi,
} from './kpi-report.js';
export { PROCESSING_CHANNELS, readProcessingCsv, type ProcessingChannel, type ProcessingIssue, type ProcessingRecord } from './kpi-processing.js';
export { HOLIDAY_CALENDAR_RANGE, isWorkingDay, workingDaysBetween } from './kpi-working-days.js';
export { HISTOGRAM_RELATIVE_ERROR } from './kpi-histogram.js';
export { renderKpiCsv } from './kpi-csv.js';
export { renderKpiHtml } from './kpi-html.js';
