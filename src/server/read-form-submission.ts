/**
 * The back office's reader of a classic form post (docs/protocol.md §1.7): the form fields are
 * the values, keyed by field path; the hidden input `oncefill-envelope` carries the
 * `SubmissionEnvelope` JSON. Gives `{ values, provenance, components }`, ready for
 * `verifyProvenance` (add `subjects` from your own session) and `validateSubmission`.
 */
import type { Field, Procedure } from '../schema/procedure-format.js';
import type { JsonValue } from '../shared/protocol.js';
import type { ReuseReference } from '../shared/reuse-reference.js';
import type { SubmissionEnvelope } from '../session/create-form-session.js';
import { compileJsonValidator, sharedAjv } from './json-validator.js';
import { submissionEnvelopeSchema } from './protocol-schemas.js';
import { repeatedAncestors } from './submission-json-schema.js';
import { toIsoCalendarDate } from '../vn/format-calendar-date.js';
import { parseCalendarDate } from '../vn/parse-calendar-date.js';

/**
 * The name of the hidden input that carries the envelope.
 * @example
 * form.querySelector(`input[name="${ENVELOPE_INPUT_NAME}"]`)
 */
export const ENVELOPE_INPUT_NAME = 'oncefill-envelope';

/** Characters of envelope JSON read at most (64 statements of real forms stay far below). */
export const MAX_ENVELOPE_CHARS = 4_000_000;

const ADDRESS_PARTS = ['detail', 'wardCode', 'wardName', 'provinceCode', 'provinceName'] as const;

/**
 * A form post: `URLSearchParams`, `FormData`, or the object body parsers make (`{ name: value | value[] }`).
 * @example
 * const post: FormPost = req.body // express.urlencoded({ extended: false })
 */
export type FormPost = URLSearchParams | FormData | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Something wrong with a post's envelope or values; the rest is still read.
 * @example
 * if (post.problems.some((p: FormSubmissionProblem) => p.code === 'no-envelope')) treatAllAsDeclared()
 */
export interface FormSubmissionProblem {
  code: 'no-envelope' | 'envelope-too-large' | 'envelope-not-json' | 'envelope-malformed' | 'procedure-mismatch' | 'value-not-json';
  /** The field path, for `value-not-json`. */
  path?: string;
}

/**
 * A form post as the back office needs it: ready for `verifyProvenance` once `subjects` are added.
 * @example
 * const { values, provenance, components }: FormSubmission = readFormSubmission(procedure, form)
 */
export interface FormSubmission {
  /** Values by field path, shaped as oncefill fills them (checkbox booleans, multi-choice lists, address objects). */
  values: Record<string, JsonValue>;
  /** The signed statements the envelope carried. */
  provenance: string[];
  /** Dossier components claimed satisfied by reuse. */
  components: Record<string, ReuseReference>;
  /** The whole envelope (who set each value, disputes), when it was well-formed. */
  envelope?: SubmissionEnvelope;
  /** What was wrong with the envelope; the values are read regardless. */
  problems: FormSubmissionProblem[];
}

/**
 * A date field's posted text as the wire date: a text input shows it day first, as the citizen
 * reads and types it and as oncefill fills it (`09/05/2001`, `05/2001`); `<input type=date>`
 * posts `2001-05-09`. Text that is neither stays as posted, for `validateSubmission` to report.
 */
function postedDate(text: string): string {
  const iso = parseCalendarDate(text, { format: 'iso' });
  const read = iso.ok ? iso : parseCalendarDate(text, { format: 'dmy' });
  return (read.ok && toIsoCalendarDate(read.date)) || text;
}

const checkEnvelope = () => compileJsonValidator<SubmissionEnvelope>(submissionEnvelopeSchema, sharedAjv());
let envelopeValidator: ReturnType<typeof checkEnvelope> | undefined;

/** Every (name, text value) of the post, in order; files are left out. */
function entriesOf(form: FormPost): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (typeof (form as URLSearchParams).forEach === 'function' && typeof (form as URLSearchParams).getAll === 'function') {
    (form as URLSearchParams).forEach((value: unknown, name: string) => {
      if (typeof value === 'string') out.push([name, value]);
    });
    return out;
  }
  if (typeof form === 'object' && form !== null) {
    for (const name of Object.keys(form)) {
      const value = (form as Record<string, unknown>)[name];
      if (typeof value === 'string') out.push([name, value]);
      else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') out.push([name, item]);
    }
  }
  return out;
}

/**
 * Reads a classic form post. Field inputs are named by field path (`fullName`,
 * `diplomas[0].diplomaTitle`); a date is read as `2001-05-09` whether it posted so or day first
 * from a text input (`09/05/2001`); a checkbox is `true` when posted and `false` when not; a
 * multi-choice field is the list of its posted values; an address is either five inputs
 * `path.detail`, `path.wardCode`, `path.wardName`, `path.provinceCode`, `path.provinceName`
 * or one input holding its JSON; files are not values. Inputs that name no field (your CSRF
 * token, buttons) are ignored. Never throws on what the browser sent: problems are reported.
 * @example
 * const post = readFormSubmission(procedure, new URLSearchParams(await request.text()))
 * const report = verifyProvenance(procedure, { ...post, subjects: [{ personalId: session.personalId }] }, keys)
 * const check = validateSubmission(procedure, post.values)
 */
export function readFormSubmission(procedure: Procedure, form: FormPost): FormSubmission {
  if (!procedure || !Array.isArray(procedure.fields)) throw new TypeError('[oncefill] readFormSubmission needs a procedure from parseProcedure() or checkProcedure().');
  const entries = entriesOf(form);
  const byId = new Map(procedure.fields.map((f) => [f.id, f]));
  const result: FormSubmission = { values: {}, provenance: [], components: {}, problems: [] };
  const set = (path: string, value: JsonValue) => Object.defineProperty(result.values, path, { value, enumerable: true, writable: true, configurable: true });

  // Which field a posted name belongs to: `fieldPath` or `fieldPath.part` (address parts).
  const fieldOf = (name: string): { field: Field; path: string; part?: string } | undefined => {
    const match = /^((?:[A-Za-z][A-Za-z0-9_]*\[(?:0|[1-9][0-9]{0,2})\]\.)*)([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z]+))?$/.exec(name);
    if (!match) return undefined;
    const [, prefix = '', id = '', part] = match;
    const field = byId.get(id);
    if (!field || field.type === 'group' || field.type === 'file') return undefined;
    const groups = [...prefix.matchAll(/([A-Za-z][A-Za-z0-9_]*)\[/g)].map((m) => m[1]);
    const chain = repeatedAncestors(field, byId);
    if (groups.length !== chain.length || groups.some((g, i) => g !== chain[i])) return undefined;
    if (part !== undefined && (field.type !== 'address' || !(ADDRESS_PARTS as readonly string[]).includes(part))) return undefined;
    return { field, path: `${prefix}${id}`, ...(part !== undefined ? { part } : {}) };
  };

  const multi = new Map<string, string[]>();
  const addressParts = new Map<string, Record<string, string>>();
  let envelopeText: string | undefined;
  for (const [name, value] of entries) {
    if (name === ENVELOPE_INPUT_NAME) {
      envelopeText ??= value;
      continue;
    }
    const target = fieldOf(name);
    if (!target) continue;
    const { field, path, part } = target;
    // A classic form posts every empty input as "": that is no answer, not a value to validate.
    if (value === '' && part === undefined) continue;
    if (Object.hasOwn(result.values, path) && field.type !== 'multi-choice' && part === undefined) continue; // the first value wins
    switch (field.type) {
      case 'checkbox':
        set(path, true);
        break;
      case 'multi-choice': {
        const list = multi.get(path) ?? [];
        list.push(value);
        multi.set(path, list);
        set(path, list);
        break;
      }
      case 'address': {
        if (part === undefined) {
          try {
            const parsed = JSON.parse(value) as JsonValue;
            set(path, parsed);
          } catch {
            result.problems.push({ code: 'value-not-json', path });
          }
          break;
        }
        let parts = addressParts.get(path);
        if (!parts) addressParts.set(path, (parts = {}));
        if (!Object.hasOwn(parts, part)) parts[part] = value;
        break;
      }
      case 'date':
        set(path, postedDate(value));
        break;
      default:
        set(path, value);
    }
  }
  for (const [path, parts] of addressParts) {
    if (Object.hasOwn(result.values, path) || ADDRESS_PARTS.every((p) => (parts[p] ?? '') === '')) continue;
    const address: Record<string, string> = {};
    for (const part of ADDRESS_PARTS) address[part] = parts[part] ?? '';
    set(path, address);
  }
  // An unticked checkbox posts nothing: outside repeated groups it is `false`.
  for (const field of procedure.fields) if (field.type === 'checkbox' && repeatedAncestors(field, byId).length === 0 && !Object.hasOwn(result.values, field.id)) set(field.id, false);

  if (envelopeText === undefined) result.problems.push({ code: 'no-envelope' });
  else if (envelopeText.length > MAX_ENVELOPE_CHARS) result.problems.push({ code: 'envelope-too-large' });
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(envelopeText);
    } catch {
      result.problems.push({ code: 'envelope-not-json' });
    }
    if (parsed !== undefined) {
      const checked = (envelopeValidator ??= checkEnvelope())(parsed);
      if (!checked.ok) result.problems.push({ code: 'envelope-malformed' });
      else {
        const envelope = checked.value;
        result.envelope = envelope;
        result.provenance = [...envelope.provenance];
        for (const id of Object.keys(envelope.components)) Object.defineProperty(result.components, id, { value: envelope.components[id], enumerable: true, writable: true, configurable: true });
        if (envelope.procedure.code !== procedure.code || envelope.procedure.version !== procedure.version) result.problems.push({ code: 'procedure-mismatch' });
      }
    }
  }
  return result;
}
