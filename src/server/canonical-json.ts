/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that the
 * provenance envelope hashes and signs, so a back office in any language computes the same
 * bytes. `docs/protocol.md` ("Canonical JSON") is the normative text for other languages.
 */

/**
 * Arrays and objects nested deeper than this are refused (cycles end here too).
 * @example
 * canonicalJson(JSON.parse('['.repeat(65) + ']'.repeat(65))) // throws: deeper than CANONICAL_JSON_MAX_DEPTH
 */
export const CANONICAL_JSON_MAX_DEPTH = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Serializes a JSON value in RFC 8785 canonical form: object keys sorted by UTF-16 code
 * units, no whitespace, numbers as ECMAScript `Number.prototype.toString` writes them
 * (`-0` → `0`, `1e21` → `1e+21`), strings escaped only where JSON requires (`"`, `\`,
 * U+0000–U+001F), everything else written as is. No Unicode normalization: NFC and NFD text
 * stay different.
 *
 * Refuses, with a `TypeError` whose message starts `[oncefill]` and never quotes the value,
 * what JSON (I-JSON, RFC 7493) cannot carry: `NaN`, `±Infinity`, `bigint`, `undefined` (except
 * as an object property, which is left out, as `JSON.stringify` does), functions, symbols,
 * strings or keys with a lone surrogate, objects that are not plain (`Date`, `Map`, class
 * instances), and nesting deeper than {@link CANONICAL_JSON_MAX_DEPTH}.
 *
 * @example
 * canonicalJson({ b: [1e21, -0, 0.1], a: 'Nguyễn' }) // '{"a":"Nguyễn","b":[1e+21,0,0.1]}'
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, 0);
  return out.join('');
}

function write(value: unknown, out: string[], depth: number): void {
  switch (typeof value) {
    case 'string':
      out.push(quote(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw refuse('a number is NaN or infinite');
      // ECMAScript Number::toString is exactly RFC 8785's number form; it writes -0 as "0".
      out.push(String(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      throw refuse(`a ${typeof value} is not a JSON value`);
  }
  if (value === null) {
    out.push('null');
    return;
  }
  if (depth >= CANONICAL_JSON_MAX_DEPTH) throw refuse(`arrays and objects are nested deeper than ${CANONICAL_JSON_MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      if (item === undefined) throw refuse('an array holds undefined');
      write(item, out, depth + 1);
    }
    out.push(']');
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw refuse('an object is not a plain object');
  // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
  const keys = Object.keys(value).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(quote(key), ':');
    write(item, out, depth + 1);
  }
  out.push('}');
}

function quote(text: string): string {
  if (LONE_SURROGATE.test(text)) throw refuse('a string holds a lone surrogate (I-JSON forbids it)');
  // JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 escapes, in the same notation.
  return JSON.stringify(text);
}

function refuse(why: string): TypeError {
  return new TypeError(`[oncefill] canonicalJson: ${why}; only JSON values can be canonicalized.`);
}

/** @internal True when `text` has no lone surrogate, so it can be written as UTF-8. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
