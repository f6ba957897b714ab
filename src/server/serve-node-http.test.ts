/**
 * The gateway behind Node's own http server, converted exactly as docs/protocol.md §1.8 shows,
 * over a real socket: the documented adapter works.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, CSRF, ORIGIN, makeGateway, query } from './test-support/gateway-harness.js';

let server: Server;
let origin: string;

beforeAll(async () => {
  const { gateway } = makeGateway({ basePath: '/api/oncefill' });
  // As in docs/protocol.md §1.8.
  server = createServer(async (req, res) => {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream);
    const request = new Request(new URL(req.url ?? '/', `https://${req.headers.host}`), {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])) as [string, string][],
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await gateway(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the gateway behind node:http', () => {
  it('answers a query with the portal’s Origin and CSRF token', async () => {
    const response = await fetch(`${origin}/api/oncefill/population`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'x-csrf-token': CSRF, 'content-type': 'application/json' },
      body: JSON.stringify(query('1.004616', ['fullName'])),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).attributes.fullName.value.given).toBe('LAN');
  });

  it('serves the catalogue and refuses paths outside its basePath', async () => {
    expect((await fetch(`${origin}/api/oncefill/procedures/1.005092`)).status).toBe(200);
    expect((await fetch(`${origin}/other/procedures/1.005092`)).status).toBe(404);
    expect(BASE.endsWith('/api/oncefill')).toBe(true);
  });
});
