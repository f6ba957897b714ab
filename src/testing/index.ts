/** `oncefill/testing`: msw handlers that run the real gateway over fictional national records. */
export { version } from '../shared/version.js';
export { fixtures, FIXTURE_DOCUMENT_TYPES, type BusinessFixture, type CitizenFixture, type GatewayFixtures } from './fixtures.js';
export {
  createGatewayHandlers,
  SHIPPED_PROCEDURES,
  TEST_CSRF_TOKEN,
  TEST_KID,
  TEST_SIGNING_KEY,
  testProvenanceKeys,
  type GatewayHandlersOptions,
} from './create-gateway-handlers.js';
