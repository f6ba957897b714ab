/**
 * The React and Vue example e2e tests run against the real demo portal (`startDemo()` from
 * `demo/`): the built examples under its strict CSP, its stand-in national SSO page, its
 * gateway over `oncefill/testing`'s fixtures (origin and CSRF checked), and its back office,
 * which records every dossier it receives with its own provenance and validation checks.
 * Tests assert on what the demo received (`portal.dossiers()`) and on the telemetry events
 * its ingest accepted. The citizen who logs in is `fixtures.citizens[0]`, who may act for
 * `fixtures.businesses[0]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDemo, type ReceivedDossier } from '../../demo/start-demo.js';
import type { SubmissionEnvelope } from '../../src/session/create-form-session.js';
import { fixtures } from '../../src/testing/index.js';

export type ExampleName = 'react-19' | 'react-18' | 'vue';

/** The fixture citizen who logs in, and the business she may act for. */
export const CITIZEN = fixtures.citizens[0]!;
export const BUSINESS = fixtures.businesses[0]!;

/**
 * Required fields the React and Vue examples leave out (they render part of each form): the
 * demo's validation refuses a dossier for exactly these, and numbers it all the same.
 */
export const NOT_RENDERED: Record<string, string[]> = {
  '1.004616': ['applicantCase', 'fluentVietnamese', 'issueRoute', 'practiceRows', 'practiceScope'],
  '2.000535': ['facilityAddress'],
};

/** A dossier sent as JSON by an example page, as the demo's back office received it. */
export type JsonDossier = ReceivedDossier & { envelope: SubmissionEnvelope };

export interface Portal {
  /**
   * Logs the citizen in on the demo's SSO page (acting for `actingFor`, an enterprise code,
   * when given) and lands on an example's page.
   */
  open(page: Page, example: ExampleName, file: string, actingFor?: string): Promise<void>;
  /** Dossiers the example pages POSTed, in order. */
  dossiers(): JsonDossier[];
  /** How many events named `name` the demo's telemetry ingest accepted so far. */
  events(name: string): number;
  /** Events the ingest refused, over all batches. */
  refusedEvents(): number;
  close(): Promise<void>;
}

/** Starts the demo portal on a free port, with its telemetry file in a fresh folder. */
export async function startPortal(): Promise<Portal> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oncefill-portal-'));
  const demo = await startDemo({ dataDir, quiet: true });
  const names = () => demo.telemetry.flatMap((batch) => batch.names);
  return {
    async open(page, example, file, actingFor) {
      const next = `/examples/${example}/${file}`;
      await page.goto(new URL(`/login?next=${encodeURIComponent(next)}`, demo.url).href);
      await page.check(`input[name="citizen"][value="${CITIZEN.personalId}"]`);
      if (actingFor) await page.selectOption(`select[name="actingFor-${CITIZEN.personalId}"]`, actingFor);
      await Promise.all([page.waitForURL((url) => url.pathname === next), page.click('button[type="submit"]')]);
    },
    dossiers: () => demo.dossiers.filter((d): d is JsonDossier => d.channel === 'json'),
    events: (name) => names().filter((n) => n === name).length,
    refusedEvents: () => demo.telemetry.reduce((sum, batch) => sum + batch.refused, 0),
    async close() {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
