/**
 * Constants of the definition format, kept free of zod so the one-tag embed can use them
 * without carrying a schema library.
 */

/** Hard bounds every parser and checker enforces before doing real work. */
export const DEFINITION_LIMITS = {
  /** Fields in one definition. The largest real form we know has fewer than 200. */
  maxFields: 2000,
  /** Nested groups (a group inside a group inside …). */
  maxGroupDepth: 8,
  /** Nesting of any JSON value, conditions included. */
  maxJsonDepth: 48,
  /** Characters of JSON text `parseProcedure` accepts. */
  maxJsonChars: 4_000_000,
} as const;

/** An id: starts with a letter, then letters, digits or `_`. Used for fields, steps, components. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/**
 * National procedure codes: `1.004616`, an instance code `1.004616.000.00.00.H56`, or a
 * local code `3.000467.H18`.
 */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2})?(\.[A-Z][A-Z0-9]{1,7})?$/;

export { SOURCE_KINDS, type SourceKind } from '../shared/protocol.js';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'decimal',
  'date',
  'select',
  'radio',
  'checkbox',
  'multi-choice',
  'email',
  'phone',
  'personal-id',
  'tax-code',
  'address',
  'file',
  'group',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

