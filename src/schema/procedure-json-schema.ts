import schema from './procedure.schema.json';

/**
 * The published JSON Schema (draft 2020-12) of the definition format, generated at build time
 * from the same zod source as the types. Also shipped as `oncefill/procedure.schema.json`.
 * @example
 * new Ajv2020().compile(procedureJsonSchema)
 */
export const procedureJsonSchema: Readonly<Record<string, unknown>> = schema;
