/**
 * Answers and consent tokens of the current portal session, in memory only.
 *
 * Entries belong to a session fingerprint: an answer with a new fingerprint drops every entry
 * of the old one, so one citizen's data is never served to the next. `clearPrefillCache()`
 * (called by `markLogout()`) drops everything and bumps a generation counter that makes any
 * resolution still running discard what arrives afterwards. The state lives under a registry
 * symbol on `globalThis`, so an npm copy and the script-tag copy on one page share it and
 * clear together.
 */
import type { SourceAnswer } from '../shared/protocol.js';

interface CacheState {
  generation: number;
  fingerprint?: string;
  answers: Map<string, { answer: SourceAnswer; storedAt: number }>;
  consents: Map<string, { token: string; expiresAt: number }>;
}

export const DEFAULT_CACHE_TTL_MS = 10 * 60 * 1000;

const KEY = Symbol.for('oncefill.prefill-cache');

function state(): CacheState {
  const holder = globalThis as { [KEY]?: CacheState };
  return (holder[KEY] ??= { generation: 0, answers: new Map(), consents: new Map() });
}

/**
 * Forgets every cached answer and consent token and stops running resolutions from using
 * anything that arrives later.
 * @example
 * logoutButton.addEventListener('click', () => clearPrefillCache())
 */
export function clearPrefillCache(): void {
  const s = state();
  s.generation++;
  s.fingerprint = undefined;
  s.answers.clear();
  s.consents.clear();
}

export function cacheGeneration(): number {
  return state().generation;
}

/** Records the fingerprint of a fresh answer; a change of session drops the old session's entries. */
export function noteFingerprint(fingerprint: string): void {
  const s = state();
  if (s.fingerprint !== undefined && s.fingerprint !== fingerprint) {
    s.answers.clear();
    s.consents.clear();
  }
  s.fingerprint = fingerprint;
}

export function cachedAnswer(key: string, now: number, expectedFingerprint?: string): SourceAnswer | undefined {
  const s = state();
  const entry = s.answers.get(key);
  if (!entry) return undefined;
  if (now - entry.storedAt > DEFAULT_CACHE_TTL_MS || (expectedFingerprint !== undefined && entry.answer.fingerprint !== expectedFingerprint)) {
    s.answers.delete(key);
    return undefined;
  }
  return entry.answer;
}

export function storeAnswer(key: string, answer: SourceAnswer, now: number): void {
  noteFingerprint(answer.fingerprint);
  state().answers.set(key, { answer, storedAt: now });
}

export function consentToken(key: string, now: number): string | undefined {
  const entry = state().consents.get(key);
  return entry && entry.expiresAt > now ? entry.token : undefined;
}

export function storeConsentToken(key: string, token: string, expiresAt: number): void {
  state().consents.set(key, { token, expiresAt });
}
