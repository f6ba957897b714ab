/**
 * A plain JSON-like object: not `null`, not an array. `T` types its members (unchecked).
 * @example
 * if (isObject(raw) && typeof raw.given === 'string') …
 */
export const isObject = <T = unknown>(v: unknown): v is Record<string, T> => typeof v === 'object' && v !== null && !Array.isArray(v);
