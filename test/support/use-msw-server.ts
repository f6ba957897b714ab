import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { clearPrefillCache } from '../../src/resolve/prefill-cache.js';

/**
 * An msw server for the calling test file: listening for the whole file, unhandled requests
 * are errors, handlers and the session's prefill cache are reset between tests.
 */
export function useMswServer(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => clearPrefillCache());
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
