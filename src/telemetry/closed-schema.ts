/**
 * A tiny builder for closed JSON Schemas (draft 2020-12) whose TypeScript type is inferred from
 * the builder calls: one declaration gives the wire type and the published schema, so they
 * cannot drift. DOM-free and zod-free; the server and our tests check with ajv.
 */

declare const TYPE: unique symbol;

/** A JSON Schema object that also carries (in types only) the value type it accepts. */
export type Schema<T = unknown> = { readonly [key: string]: unknown } & { readonly [TYPE]?: T };

/** The value type a {@link Schema} accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

type Props = Record<string, Schema>;
type Optional<P extends Props, O extends keyof P> = { [K in Exclude<keyof P, O>]: Infer<P[K]> } & { [K in O]?: Infer<P[K]> };
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** A string matching `pattern` (anchor it) and at most `maxLength` long. */
export const text = (pattern: RegExp, maxLength: number): Schema<string> => ({ type: 'string', pattern: pattern.source, maxLength });

/** One of a closed list of strings. */
export const oneOf = <const V extends readonly string[]>(values: V): Schema<V[number]> => ({ type: 'string', enum: values });

/** An integer in `[min, max]`. */
export const int = (max: number, min = 0): Schema<number> => ({ type: 'integer', minimum: min, maximum: max });

/** A number in `[min, max]`. */
export const num = (min: number, max: number): Schema<number> => ({ type: 'number', minimum: min, maximum: max });

export const bool = (): Schema<boolean> => ({ type: 'boolean' });

export const literal = <const V extends string | number>(value: V): Schema<V> => ({ const: value });

/** A closed object: every property listed, `optional` ones may be absent, nothing else allowed. */
export const object = <P extends Props, O extends keyof P = never>(properties: P, optional: readonly O[] = []): Schema<Flat<Optional<P, O>>> => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key as O)),
  additionalProperties: false,
});

/** An object used as a map: keys match `keyPattern`, at most `maxProperties` of them. */
export const map = <V>(keyPattern: Schema<string>, value: Schema<V>, maxProperties: number): Schema<Record<string, V>> => ({
  type: 'object',
  propertyNames: keyPattern,
  additionalProperties: value,
  maxProperties,
});

export const array = <V>(items: Schema<V>, maxItems: number): Schema<V[]> => ({ type: 'array', items, maxItems });

/** Exactly one of several schemas. */
export const union = <S extends readonly Schema[]>(schemas: S): Schema<Infer<S[number]>> => ({ oneOf: schemas });
