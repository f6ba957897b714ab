/**
 * A gateway answered by hand at the network edge of the test server, for browser tests of the
 * binding that need exact answers, delays and failures: `POST {base}/{source}` answers what
 * `answers[source]` says, `GET {base}/procedures/{code}` serves the definitions given. Every
 * query is recorded with its CSRF header.
 */
import type { TestServer } from './harness.js';

export interface StubAnswer {
  attributes?: Record<string, unknown>;
  delayMs?: number;
  /** Answer this HTTP status with a protocol error instead. */
  status?: number;
}

export interface StubGateway {
  answers: Partial<Record<'population' | 'results' | 'personal' | 'business', StubAnswer>>;
  queries: Array<{ source: string; csrf: string | undefined; body: unknown }>;
  serve(definition: { code: string }): void;
}

export const verified = (value: unknown, extra: Record<string, unknown> = {}) => ({ value, verification: 'verified', ...extra });

export function stubGateway(server: TestServer, base = '/api/oncefill'): StubGateway {
  const stub: StubGateway = {
    answers: {},
    queries: [],
    serve(definition) {
      server.route(`${base}/procedures/${definition.code}`, (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(definition));
      });
    },
  };
  for (const source of ['population', 'results', 'personal', 'business'] as const)
    server.route(`${base}/${source}`, async (request, response) => {
      stub.queries.push({ source, csrf: request.headers['x-csrf-token'] as string | undefined, body: JSON.parse(request.body || 'null') });
      const answer = stub.answers[source] ?? {};
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (answer.status) {
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify({ protocol: 1, error: { code: 'unavailable-until', message: 'down' } }));
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ protocol: 1, source, fingerprint: 'fp-test', attributes: answer.attributes ?? {}, provenance: `stmt-${source}` }));
    });
  return stub;
}
