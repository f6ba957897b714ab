/**
 * Removes the properties whose value is `undefined`, in place, and returns the object: an
 * optional measurement or payload property is absent, never present and `undefined` (the OTLP
 * encoding would turn one into an empty attribute). Lets the object be written in one literal.
 * @example
 * withoutUndefined({ anchor: 'form-open', authMs: undefined }) // { anchor: 'form-open' }
 */
export function withoutUndefined<T extends object>(object: T): T {
  for (const key in object) if (object[key] === undefined) delete object[key];
  return object;
}
