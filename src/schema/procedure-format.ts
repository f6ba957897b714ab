/**
 * The procedure definition format: the one source of the TypeScript types, the run-time
 * parser and the published JSON Schema (`scripts/generate-schema.ts`), so the three cannot
 * drift. Structure only: checks JSON Schema cannot express (ids that must exist, cycles,
 * attribute compatibility) live in `check-semantics.ts`.
 *
 * Browser code imports only `zod/mini`, and never calls `z.config` (it would change the host
 * page's own zod).
 */
import * as z from 'zod/mini';
import { DEFINITION_LIMITS, ID_PATTERN, PROCEDURE_CODE_PATTERN, SOURCE_KINDS, type FieldType, type SourceKind } from './format-constants.js';

export { DEFINITION_LIMITS, FIELD_TYPES, ID_PATTERN, PROCEDURE_CODE_PATTERN, SOURCE_KINDS, type FieldType, type SourceKind } from './format-constants.js';

/** Attaches a description that the generated JSON Schema carries. */
function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  (z.globalRegistry as { add(schema: unknown, meta: { description: string }): unknown }).add(schema, { description });
  return schema;
}

const shortText = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));

/** A letter, then letters, digits or `_` (at most 64). */
const id = () => z.string().check(z.regex(ID_PATTERN));

/** Text in Vietnamese, optionally in English. */
export const localizedText = z.strictObject({
  vi: shortText(2000),
  en: z.optional(shortText(2000)),
});

/** `verified`: checked against the official template; `draft`: not yet. */
export const statusSchema = z.enum(['draft', 'verified']);

/** Where a definition or a field comes from, with the evidence tag used in FORMS.md. */
export const citationSchema = z.strictObject({
  document: shortText(300),
  ref: z.optional(shortText(300)),
  /** V: read in the official text; P: seen on a live portal; R: recalled or inferred. */
  tag: z.enum(['V', 'P', 'R']),
});

// ---------------------------------------------------------------------------------------------
// Conditions: JSON, never expressions.

const scalar = z.union([z.string().check(z.maxLength(500)), z.number(), z.boolean(), z.null()]);

export interface FieldCondition {
  field: string;
  eq?: string | number | boolean | null;
  in?: Array<string | number | boolean>;
  empty?: boolean;
}
export type Condition = FieldCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const fieldEq = z.strictObject({ field: id(), eq: scalar });
const fieldIn = z.strictObject({
  field: id(),
  in: z.array(z.union([z.string().check(z.maxLength(500)), z.number(), z.boolean()])).check(z.minLength(1), z.maxLength(500)),
});
const fieldEmpty = z.strictObject({ field: id(), empty: z.boolean() });

export const conditionSchema: z.ZodMiniType<Condition> = describe(z.union([
  fieldEq,
  fieldIn,
  fieldEmpty,
  z.strictObject({
    get all() {
      return z.array(conditionSchema).check(z.minLength(1), z.maxLength(50));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(conditionSchema).check(z.minLength(1), z.maxLength(50));
    },
  }),
  z.strictObject({
    get not() {
      return conditionSchema;
    },
  }),
]), 'a condition: { field, eq | in | empty } or { all | any | not }');

// ---------------------------------------------------------------------------------------------
// Prefill mapping.

/** One candidate for a field's value: an attribute of a source, as named in the catalogue. */
export const attributeRefSchema = z.strictObject({
  source: z.enum(SOURCE_KINDS),
  /** Attribute id from the catalogue; parts of compound attributes are dotted (`legalRepresentative.fullName`). */
  attribute: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/), z.maxLength(120)),
});

export const prefillSchema = z.strictObject({
  /** Candidates in priority order: the first one that answers wins; disagreement is a conflict. */
  from: z.array(attributeRefSchema).check(z.minLength(1), z.maxLength(8)),
  /** A verified value locks the field (the citizen may still dispute it). */
  lock: z.optional(z.boolean()),
});

// ---------------------------------------------------------------------------------------------
// Fields: one flat array; `group` names the parent group.

export const optionSchema = z.strictObject({
  value: z.string().check(z.minLength(1), z.maxLength(200)),
  label: localizedText,
});

const base = {
  id: id(),
  label: localizedText,
  hint: z.optional(localizedText),
  group: z.optional(id()),
  required: z.optional(z.boolean()),
  requiredWhen: z.optional(conditionSchema),
  visibleWhen: z.optional(conditionSchema),
  prefill: z.optional(prefillSchema),
  status: statusSchema,
  source: citationSchema,
};

const isoDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));
const options = z.array(optionSchema).check(z.minLength(1), z.maxLength(500));

export const fieldSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('text'),
    maxLength: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
    pattern: z.optional(shortText(500)),
    /** How a name from a register is written: `title` (Nguyễn Văn An, default) or `upper`. */
    letterCase: z.optional(z.enum(['title', 'upper'])),
  }),
  z.strictObject({ ...base, type: z.literal('textarea'), maxLength: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))) }),
  z.strictObject({ ...base, type: z.literal('integer'), min: z.optional(z.int()), max: z.optional(z.int()) }),
  z.strictObject({
    ...base,
    type: z.literal('decimal'),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    /** Digits after the decimal point. */
    scale: z.optional(z.int().check(z.minimum(0), z.maximum(12))),
  }),
  z.strictObject({
    ...base,
    type: z.literal('date'),
    /** Old civil records may hold only a birth year; such a field accepts `2001` alone. */
    allowYearOnly: z.optional(z.boolean()),
    min: z.optional(isoDate),
    max: z.optional(isoDate),
  }),
  z.strictObject({ ...base, type: z.literal('select'), options }),
  z.strictObject({ ...base, type: z.literal('radio'), options }),
  z.strictObject({ ...base, type: z.literal('checkbox') }),
  z.strictObject({
    ...base,
    type: z.literal('multi-choice'),
    options,
    minItems: z.optional(z.int().check(z.minimum(0))),
    maxItems: z.optional(z.int().check(z.minimum(1))),
  }),
  z.strictObject({ ...base, type: z.literal('email') }),
  z.strictObject({ ...base, type: z.literal('phone'), allowLandline: z.optional(z.boolean()) }),
  z.strictObject({
    ...base,
    type: z.literal('personal-id'),
    /** What else the field takes besides the 12-digit personal ID. */
    accept: z.optional(z.array(z.enum(['legacy-id', 'passport'])).check(z.maxLength(2))),
  }),
  z.strictObject({
    ...base,
    type: z.literal('tax-code'),
    /** Individuals and household businesses use their 12-digit personal ID as tax code. */
    acceptPersonalId: z.optional(z.boolean()),
  }),
  z.strictObject({ ...base, type: z.literal('address') }),
  z.strictObject({
    ...base,
    type: z.literal('file'),
    accept: z.optional(z.array(shortText(100)).check(z.maxLength(30))),
    maxBytes: z.optional(z.int().check(z.minimum(1))),
    multiple: z.optional(z.boolean()),
  }),
  z.strictObject({
    ...base,
    type: z.literal('group'),
    /** A repeated group (rows addressed `group[i].field`); absent for a plain group. */
    repeat: z.optional(z.strictObject({ min: z.optional(z.int().check(z.minimum(0))), max: z.optional(z.int().check(z.minimum(1), z.maximum(500))) })),
  }),
]);

// ---------------------------------------------------------------------------------------------
// Steps and dossier components.

export const stepSchema = z.strictObject({
  id: id(),
  title: localizedText,
  fields: z.array(id()).check(z.minLength(1), z.maxLength(DEFINITION_LIMITS.maxFields)),
});

/** An earlier result that can stand in for a dossier component. */
export const reuseSchema = z.strictObject({
  source: z.enum(['results', 'personal', 'business', 'population']),
  /** Document type from the catalogue (`results.documentTypes`), or a business/population attribute. */
  /** Document type id from the attribute catalogue. */
  documentType: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/), z.maxLength(80)),
  /** Procedures whose result can be reused (national codes). */
  procedures: z.optional(z.array(z.string().check(z.regex(PROCEDURE_CODE_PATTERN))).check(z.maxLength(20))),
  /** A document past its validity date still stands in (a reissue or renewal submits the expired certificate). */
  allowExpired: z.optional(z.boolean()),
});

export const componentSchema = z.strictObject({
  id: id(),
  title: localizedText,
  required: z.optional(z.boolean()),
  requiredWhen: z.optional(conditionSchema),
  /** The file field that uploads this component when it is not reused. */
  fileField: z.optional(id()),
  /** Original, certified copy, or either. */
  form: z.optional(z.enum(['original', 'certified-copy', 'copy', 'any'])),
  reuse: z.optional(z.array(reuseSchema).check(z.minLength(1), z.maxLength(8))),
  status: statusSchema,
  source: citationSchema,
});

// ---------------------------------------------------------------------------------------------
// The definition.

export const procedureSchema = z.strictObject({
  $schema: z.optional(z.string().check(z.maxLength(300))),
  /** Version of this definition format. */
  format: z.literal(1),
  /** National procedure code: `1.004616`, `1.004616.000.00.00.H56`, `3.000467.H18`. */
  code: z.string().check(z.regex(PROCEDURE_CODE_PATTERN)),
  /** Version of this definition, e.g. `2026.1`. */
  version: z.string().check(z.regex(/^\d{1,4}(\.\d{1,4}){0,2}$/)),
  status: statusSchema,
  title: localizedText,
  agency: localizedText,
  applicant: z.enum(['citizen', 'organization', 'either']),
  source: citationSchema,
  fields: z.array(fieldSchema).check(z.minLength(1), z.maxLength(DEFINITION_LIMITS.maxFields)),
  steps: z.optional(z.array(stepSchema).check(z.minLength(1), z.maxLength(100))),
  documents: z.optional(z.array(componentSchema).check(z.maxLength(100))),
});

/** A definition as authors write it. */
export type ProcedureDefinition = z.input<typeof procedureSchema>;
/** A checked definition. Plain data: it round-trips through JSON. */
export type Procedure = z.output<typeof procedureSchema>;
export type Field = Procedure['fields'][number];
export type FieldOf<T extends FieldType> = Extract<Field, { type: T }>;
export type Step = NonNullable<Procedure['steps']>[number];
export type DossierComponent = NonNullable<Procedure['documents']>[number];
export type Reuse = NonNullable<DossierComponent['reuse']>[number];
export type AttributeRef = z.output<typeof attributeRefSchema>;
export type LocalizedText = z.output<typeof localizedText>;
export type Option = z.output<typeof optionSchema>;
export type Citation = z.output<typeof citationSchema>;
export type Status = z.output<typeof statusSchema>;
