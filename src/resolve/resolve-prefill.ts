import { SOURCE_KINDS } from '../schema/format-constants.js';
import type { LocalizedText, Procedure } from '../schema/procedure-format.js';
import { after, createAbortController, linkAbort, monotonicNow, type AbortSignalLike } from '../shared/host.js';
import type { ActingFor, SourceAnswer, SourceId, SourceQuery } from '../shared/protocol.js';
import { SourceError, isSourceError } from '../shared/SourceError.js';
import type { Sources } from '../sources/types.js';
import { mergeOutcomes, refOutcome, type RefOutcome, type SourceState } from './merge-candidates.js';
import { planQueries, type PlannedRef } from './plan-queries.js';
import { cacheGeneration, cachedAnswer, consentToken, noteFingerprint, storeAnswer, storeConsentToken } from './prefill-cache.js';
import { resolveDocument } from './resolve-documents.js';
import type { FieldResult, PrefillResult, SourceResult } from './types.js';

/** What the citizen is asked before a source that needs consent is queried. */
export interface ConsentPrompt {
  source: SourceId;
  procedure: { code: string; version: string; title: LocalizedText };
  attributes: string[];
  /** The form's own fields those attributes fill, so the prompt can speak in the form's words. */
  fields: Array<{ id: string; label: LocalizedText }>;
}

export interface ResolvePrefillOptions {
  sources: Sources;
  /** Ask to act for a business or a represented person the portal session may act for. */
  actingFor?: ActingFor;
  /** Asks the citizen; resolve `true` to record consent and go on, `false` to skip the source. */
  consent?: (prompt: ConsentPrompt) => boolean | Promise<boolean>;
  /** One-time codes answering earlier `challenge` statuses, by source. */
  challenges?: Partial<Record<SourceId, { id: string; code: string }>>;
  signal?: AbortSignalLike;
  /** Stop waiting after this long; the form stays usable and unanswered sources time out. */
  deadlineMs?: number;
  /** Called with each partial result as sources answer, and with the final one. */
  onUpdate?: (result: PrefillResult) => void;
  /** The portal session's fingerprint when the page knows it: cache entries of others are ignored. */
  fingerprint?: string;
  /** Use this session's cached answers (default true). */
  cache?: boolean;
  /** Local calendar date for document validity, `yyyy-mm-dd` (default: today in Việt Nam). */
  today?: string;
}

export const DEFAULT_RESOLVE_PREFILL_OPTIONS = { deadlineMs: 10_000, cache: true } as const;

/** Today in Việt Nam (UTC+7, no daylight saving), whatever the device's time zone. */
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

const cacheKey = (procedure: Procedure, source: SourceId, attributes: readonly string[], actingFor?: ActingFor) =>
  JSON.stringify([procedure.code, procedure.version, source, attributes, actingFor ?? null]);

const STATUS_OF_ERROR: Partial<Record<SourceError['code'], SourceResult['status']>> = {
  'no-consent': 'no-consent',
  'challenge-required': 'challenge',
  timeout: 'timeout',
};

/**
 * Resolves every known field of a procedure from the portal's sources, in parallel, with
 * provenance. Never rejects for data or source problems: they are statuses in the result.
 * @example
 * const result = await resolvePrefill(procedure, {
 *   sources: createGatewaySources({ baseUrl: '/api/oncefill' }),
 *   consent: (prompt) => confirm(`Lấy dữ liệu từ ${prompt.source}?`),
 *   onUpdate: (partial) => render(partial),
 * })
 */
export function resolvePrefill(procedure: Procedure, options: ResolvePrefillOptions): Promise<PrefillResult> {
  if (!procedure || !Array.isArray(procedure.fields)) throw new TypeError('[oncefill] resolvePrefill needs a procedure from parseProcedure()');
  if (!options || typeof options.sources !== 'object' || options.sources === null)
    throw new TypeError('[oncefill] resolvePrefill needs { sources }');
  const o = { ...DEFAULT_RESOLVE_PREFILL_OPTIONS, ...options };
  const plan = planQueries(procedure);
  const generation = cacheGeneration();
  const today = o.today ?? vietnamToday();
  const states: Partial<Record<SourceId, SourceState>> = {};
  const results: Partial<Record<SourceId, SourceResult>> = {};
  const asked = SOURCE_KINDS.filter((s) => plan.attributes[s] !== undefined);
  for (const source of asked) {
    const attributes = plan.attributes[source]!.length;
    const available = options.sources[source] !== undefined;
    states[source] = available ? { kind: 'pending' } : { kind: 'failed' };
    results[source] = available ? { status: 'pending', attributes } : { status: 'skipped', attributes };
  }

  // Outcomes from a settled source never change: compute each once.
  const memo = new Map<PlannedRef, Map<number, RefOutcome>>();
  const outcome = (field: Parameters<typeof refOutcome>[0], ref: PlannedRef, row = -1): RefOutcome => {
    let rows = memo.get(ref);
    const hit = rows?.get(row);
    if (hit) return hit;
    const computed = refOutcome(field, ref, states, row < 0 ? undefined : row);
    if (computed.kind !== 'pending') (rows ??= memo.set(ref, new Map()).get(ref)!).set(row, computed);
    return computed;
  };

  const build = (complete: boolean): PrefillResult => {
    const fields: Record<string, FieldResult> = {};
    const rows: Record<string, number> = {};
    const rowRef = new Map<string, PlannedRef>();
    for (const group of plan.groups) {
      for (const ref of group.refs) {
        const state = states[ref.source];
        if (state?.kind === 'pending') break;
        const list = state?.kind === 'answered' ? state.answer.attributes[ref.resolved.base]?.value : undefined;
        if (Array.isArray(list) && list.length > 0) {
          rows[group.field.id] = list.length;
          rowRef.set(group.field.id, ref);
          break;
        }
      }
    }
    for (const planned of plan.fields) {
      const { field } = planned;
      if (!planned.row) {
        fields[field.id] = mergeOutcomes(field, planned.refs.map((ref) => outcome(field, ref)));
        continue;
      }
      const groupRef = rowRef.get(planned.row.groupId);
      if (!groupRef) continue;
      const refs = planned.refs.filter((r) => r.source === groupRef.source && r.resolved.base === groupRef.resolved.base);
      for (let i = 0; i < rows[planned.row.groupId]!; i++)
        fields[`${planned.row.groupId}[${i}].${field.id}`] = mergeOutcomes(field, refs.map((ref) => outcome(field, ref, i)));
    }
    const documents: PrefillResult['documents'] = {};
    for (const component of plan.components) documents[component.component.id] = resolveDocument(component, states, today);
    const provenance: string[] = [];
    let fingerprint: string | undefined;
    for (const source of asked) {
      const state = states[source];
      if (state?.kind !== 'answered') continue;
      if (state.answer.provenance) provenance.push(state.answer.provenance);
      fingerprint = state.answer.fingerprint;
    }
    const result: PrefillResult = { procedure: { code: procedure.code, version: procedure.version }, fields, documents, sources: { ...results }, rows, provenance, complete };
    if (fingerprint !== undefined) result.fingerprint = fingerprint;
    return result;
  };

  const controller = createAbortController();
  const unlink = linkAbort(o.signal, controller);
  const started = monotonicNow();

  const ask = async (source: SourceId): Promise<[SourceState, SourceResult]> => {
    const client = options.sources[source]!;
    const attributes = plan.attributes[source]!;
    const key = cacheKey(procedure, source, attributes, o.actingFor);
    const challenge = o.challenges?.[source];
    const base = { attributes: attributes.length };
    if (o.cache && !challenge) {
      const hit = cachedAnswer(key, Date.now(), o.fingerprint);
      if (hit) return [{ kind: 'answered', answer: hit }, { ...base, status: 'ok', latencyMs: 0, cached: true }];
    }
    const query: SourceQuery = { protocol: 1, procedure: { code: procedure.code, version: procedure.version }, attributes };
    if (o.actingFor) query.actingFor = o.actingFor;
    const token = consentToken(key, Date.now());
    if (token) query.consentToken = token;
    if (challenge) query.challenge = challenge;
    try {
      let answer: SourceAnswer;
      try {
        answer = await client.query(query, { signal: controller.signal });
      } catch (error) {
        if (!isSourceError(error) || error.code !== 'no-consent' || !o.consent || !client.recordConsent) throw error;
        const agreed = await Promise.resolve(o.consent(consentPrompt(procedure, source, attributes, plan.fields))).catch(() => false);
        if (agreed !== true) throw error;
        const grant = await client.recordConsent({ protocol: 1, source, procedure: query.procedure, attributes, ...(o.actingFor ? { actingFor: o.actingFor } : {}) }, { signal: controller.signal });
        storeConsentToken(key, grant.token, Date.parse(grant.expiresAt) || Date.now() + 300_000);
        answer = await client.query({ ...query, consentToken: grant.token }, { signal: controller.signal });
      }
      if (o.cache) storeAnswer(key, answer, Date.now());
      else noteFingerprint(answer.fingerprint);
      return [{ kind: 'answered', answer }, { ...base, status: 'ok', latencyMs: Math.round(monotonicNow() - started) }];
    } catch (thrown) {
      const error = isSourceError(thrown) ? thrown : new SourceError('bad-response', source, 'the source failed unexpectedly', { cause: thrown });
      const result: SourceResult = {
        ...base,
        status: STATUS_OF_ERROR[error.code] ?? 'error',
        latencyMs: Math.round(monotonicNow() - started),
        error: { code: error.code, message: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) },
      };
      if (error.challenge) result.challenge = error.challenge;
      return [{ kind: 'failed' }, result];
    }
  };

  return new Promise<PrefillResult>((resolve) => {
    let done = false;
    const notify = (result: PrefillResult) => {
      try {
        o.onUpdate?.(result);
      } catch {
        // A failing listener never stops resolution.
      }
    };
    const finish = () => {
      if (done) return;
      done = true;
      cancelDeadline();
      unlink();
      for (const source of asked) {
        if (results[source]?.status !== 'pending') continue;
        states[source] = { kind: 'failed' };
        results[source] = { attributes: plan.attributes[source]!.length, status: 'timeout', latencyMs: Math.round(monotonicNow() - started), error: { code: 'timeout', message: `${source}: no answer before the deadline` } };
      }
      controller.abort();
      const result = build(true);
      notify(result);
      resolve(result);
    };
    const cancelDeadline = after(o.deadlineMs, finish);
    const settle = (source: SourceId, state: SourceState, result: SourceResult) => {
      if (done) return;
      if (cacheGeneration() !== generation) {
        // Logged out meanwhile: nothing from before the logout may appear.
        memo.clear();
        for (const s of asked) {
          states[s] = { kind: 'failed' };
          results[s] = { attributes: plan.attributes[s]!.length, status: 'error', error: { code: 'aborted', message: `${s}: the portal session ended` } };
        }
        return finish();
      }
      states[source] = state;
      results[source] = result;
      if (asked.every((s) => results[s]!.status !== 'pending')) finish();
      else notify(build(false));
    };
    const pending = asked.filter((s) => results[s]!.status === 'pending');
    if (pending.length === 0) return finish();
    for (const source of pending) void ask(source).then(([state, result]) => settle(source, state, result));
  });
}

function consentPrompt(procedure: Procedure, source: SourceId, attributes: string[], fields: ReturnType<typeof planQueries>['fields']): ConsentPrompt {
  const used = fields.filter((f) => f.refs.some((r) => r.source === source)).map((f) => ({ id: f.field.id, label: f.field.label }));
  return { source, procedure: { code: procedure.code, version: procedure.version, title: procedure.title }, attributes, fields: used };
}
