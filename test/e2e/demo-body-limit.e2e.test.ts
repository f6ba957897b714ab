/**
 * The demo refuses a request body over its 2 MB limit with 413 and a short JSON error, on every
 * route that reads one (telemetry, dossiers as JSON and as a classic POST, the gateway, login),
 * and goes on serving afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../demo/start-demo.js';

const LAN = '001190012345';
const dataDir = mkdtempSync(join(tmpdir(), 'oncefill-demo-limit-'));
let demo: Demo;
let cookie: string;

beforeAll(async () => {
  demo = await startDemo({ dataDir, quiet: true });
  const login = await fetch(`${demo.url}login`, { method: 'POST', body: new URLSearchParams({ citizen: LAN, next: '/' }), redirect: 'manual' });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** 4 MB of text, shaped for each route so only its size is wrong. */
const big = 'x'.repeat(4 * 1024 * 1024);

describe('a request body over the limit', () => {
  const routes: Array<[name: string, path: string, body: () => BodyInit, type?: string]> = [
    ['telemetry', 'telemetry', () => `${big}\n`, 'application/x-ndjson'],
    ['JSON dossier', 'submit/2.000535', () => JSON.stringify({ values: { note: big } }), 'application/json'],
    ['classic POST dossier', 'legacy/1.005092', () => new URLSearchParams({ _csrf: 'x', fullName: big })],
    ['gateway', 'api/oncefill/population', () => JSON.stringify({ padding: big }), 'application/json'],
    ['login', 'login', () => new URLSearchParams({ citizen: big })],
  ];
  for (const [name, path, body, type] of routes)
    it(`gets 413 with a short JSON error on the ${name} route, and the demo stays up`, async () => {
      const answer = await fetch(`${demo.url}${path}`, { method: 'POST', headers: { cookie, ...(type ? { 'content-type': type } : {}) }, body: body(), redirect: 'manual' });
      expect(answer.status).toBe(413);
      expect(answer.headers.get('content-type')).toBe('application/json');
      expect(await answer.json()).toEqual({ error: 'body too large', limit: 2 * 1024 * 1024 });
      expect((await fetch(demo.url)).status).toBe(200);
    });

  it('leaves a body within the limit to the route: a bad telemetry line is still a 400', async () => {
    const answer = await fetch(`${demo.url}telemetry`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"not":"an event"}\n' });
    expect(answer.status).toBe(400);
  });

  it.each(['{"values":', 'null', '[]'])('answers a JSON dossier that is not a JSON object (%s) with 400, not 500', async (body) => {
    const answer = await fetch(`${demo.url}submit/2.000535`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: 'the dossier must be a JSON object' });
    expect((await fetch(demo.url)).status).toBe(200);
  });
});
