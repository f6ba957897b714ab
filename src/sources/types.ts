import type { AbortSignalLike } from '../shared/host.js';
import type { ConsentAnswer, ConsentRequest, SourceAnswer, SourceId, SourceQuery } from '../shared/protocol.js';

/**
 * One data source as resolution sees it. `createGatewaySources` builds the standard ones over
 * the portal's gateway; tests and unusual portals may supply their own.
 * Both methods reject with a `SourceError`, never with anything else.
 */
export interface Source {
  readonly id: SourceId;
  /** Asks for attributes. Idempotent: may be retried. */
  query(query: SourceQuery, options?: { signal?: AbortSignalLike }): Promise<SourceAnswer>;
  /** Records the citizen's consent and returns the token later queries carry. Never retried. */
  recordConsent?(request: ConsentRequest, options?: { signal?: AbortSignalLike }): Promise<ConsentAnswer>;
}

export type Sources = Partial<Record<SourceId, Source>>;
