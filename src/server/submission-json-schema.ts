/**
 * The JSON Schema of a procedure's submitted values: one flat object keyed by field path, the
 * same paths the provenance envelope signs (`fullName`, rows `diplomas[0].diplomaTitle`), with
 * each value in the shape oncefill fills it (text as strings, numbers as digit strings, dates
 * `2001-05-09` or year-only where allowed, checkboxes as booleans, multi-choice as lists,
 * addresses as objects). Files and groups carry no value. Unconditional `required` fields are
 * in the schema; `requiredWhen`, `visibleWhen` and rows are checked by `validateSubmission`.
 */
import type { Field, Procedure } from '../schema/procedure-format.js';

type Schema = Record<string, unknown>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ROW_INDEX = '\\[(0|[1-9][0-9]{0,2})\\]';

/** Ids of the repeated groups above a field, outermost first. */
export function repeatedAncestors(field: Field, byId: ReadonlyMap<string, Field>): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let id = field.group; id !== undefined && !seen.has(id); id = byId.get(id)?.group) {
    seen.add(id);
    const parent = byId.get(id);
    if (parent?.type === 'group' && parent.repeat) chain.unshift(parent.id);
  }
  return chain;
}

/** The schema of one field's value. */
export function fieldValueSchema(field: Field): Schema | undefined {
  switch (field.type) {
    case 'text': {
      const schema: Schema = { type: 'string', maxLength: field.maxLength ?? 100_000 };
      // Anchored, as the HTML `pattern` attribute is.
      if (field.pattern !== undefined) schema.pattern = `^(?:${field.pattern})$`;
      return schema;
    }
    case 'textarea':
      return { type: 'string', maxLength: field.maxLength ?? 100_000 };
    case 'integer':
      return { type: 'string', pattern: '^-?\\d{1,30}$' };
    case 'decimal':
      return { type: 'string', pattern: field.scale === 0 ? '^-?\\d{1,30}$' : `^-?\\d{1,30}(\\.\\d{1,${field.scale ?? 30}})?$` };
    case 'date':
      return { type: 'string', pattern: field.allowYearOnly ? '^\\d{4}(-\\d{2}(-\\d{2})?)?$' : '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'select':
    case 'radio':
      return { type: 'string', enum: field.options.map((o) => o.value) };
    case 'checkbox':
      return { type: 'boolean' };
    case 'multi-choice': {
      const schema: Schema = { type: 'array', items: { type: 'string', enum: field.options.map((o) => o.value) }, uniqueItems: true };
      if (field.minItems !== undefined) schema.minItems = field.minItems;
      if (field.maxItems !== undefined) schema.maxItems = field.maxItems;
      return schema;
    }
    case 'email':
      return { type: 'string', maxLength: 254, pattern: '^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]{2,}$' };
    case 'phone':
      return { type: 'string', maxLength: 32, pattern: '^\\+?[0-9 .()\\-]{8,31}$' };
    case 'personal-id': {
      const forms = ['\\d{12}'];
      if (field.accept?.includes('legacy-id')) forms.push('\\d{9}');
      if (field.accept?.includes('passport')) forms.push('[A-Z]\\d{7,8}');
      return { type: 'string', pattern: `^(${forms.join('|')})$` };
    }
    case 'tax-code':
      return { type: 'string', pattern: field.acceptPersonalId ? '^(\\d{10}(-\\d{3})?|\\d{12})$' : '^\\d{10}(-\\d{3})?$' };
    case 'address':
      return {
        type: 'object',
        properties: {
          detail: { type: 'string', maxLength: 500 },
          wardCode: { type: 'string', pattern: '^\\d{5}$' },
          wardName: { type: 'string', maxLength: 200 },
          provinceCode: { type: 'string', pattern: '^\\d{2}$' },
          provinceName: { type: 'string', maxLength: 200 },
        },
        required: ['wardCode', 'provinceCode'],
        additionalProperties: false,
      };
    case 'file':
    case 'group':
      return undefined;
  }
}

/**
 * The JSON Schema (draft 2020-12) of a procedure's submitted values, keyed by field path.
 * Rows of repeated groups are `group[i].field` keys (matched by `patternProperties`), exactly
 * the paths provenance statements sign. Unknown keys are refused (`additionalProperties: false`).
 * @example
 * submissionJsonSchema(procedure).properties.birthDate // { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }
 */
export function submissionJsonSchema(procedure: Procedure): Schema {
  const byId = new Map(procedure.fields.map((f) => [f.id, f]));
  const properties: Record<string, Schema> = {};
  const patternProperties: Record<string, Schema> = {};
  const required: string[] = [];
  const hiddenSometimes = (field: Field): boolean => {
    const seen = new Set<string>();
    for (let f: Field | undefined = field; f && !seen.has(f.id); f = f.group === undefined ? undefined : byId.get(f.group)) {
      seen.add(f.id);
      if (f.visibleWhen) return true;
    }
    return false;
  };
  for (const field of procedure.fields) {
    const schema = fieldValueSchema(field);
    if (!schema) continue;
    const chain = repeatedAncestors(field, byId);
    if (chain.length === 0) {
      properties[field.id] = schema;
      if (field.required === true && !field.requiredWhen && !hiddenSometimes(field)) required.push(field.id);
    } else {
      patternProperties[`^${chain.map((g) => `${escapeRegExp(g)}${ROW_INDEX}`).join('\\.')}\\.${escapeRegExp(field.id)}$`] = schema;
    }
  }
  const schema: Schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Submission of ${procedure.code} version ${procedure.version}`,
    description: 'Submitted values keyed by field path; rows of repeated groups are group[i].field.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
  if (Object.keys(patternProperties).length > 0) schema.patternProperties = patternProperties;
  if (required.length > 0) schema.required = required;
  return schema;
}
