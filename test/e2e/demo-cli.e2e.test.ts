/**
 * `npm run demo` as a citizen-facing operator runs it: started on a free `PORT`, it prints its
 * URL, lists the six procedures, serves a login and a dossier without printing anything
 * personal, and stops cleanly on Ctrl-C; on a tree without `dist/` it says what it does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, waitFor } from './harness.js';

const LAN = '001190012345';
/** What must never reach the terminal: her ID, her name in any case, her phone. */
const PERSONAL = [LAN, 'Nguyễn Thị Lan', 'NGUYỄN THỊ LAN', '0912345678', '0912 345 678'];

const children: ChildProcess[] = [];
const temporary: string[] = [];
afterEach(() => {
  // Only the groups this file started, and only if still running.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts `command` in its own process group (as a terminal would), collecting what it prints. */
function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out = { text: '' };
  child.stdout!.on('data', (chunk: Buffer) => (out.text += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (out.text += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, out, exited };
}

describe('npm run demo', () => {
  it('prints its URL, lists the six procedures by code with the draft banner, prints nothing personal, and stops with 0 on Ctrl-C', async () => {
    const port = await freePort();
    // What `npm run demo` runs (npm itself re-raises Ctrl-C rather than passing the exit code on).
    const demo = run(join(ROOT, 'node_modules/.bin/tsx'), ['demo/cli.ts'], { cwd: ROOT, env: { PORT: String(port) } });
    await waitFor(() => /oncefill demo: http:\/\/\S+/.test(demo.out.text) || demo.child.exitCode !== null, 30_000, 'the printed URL');
    const url = /oncefill demo: (http:\/\/\S+)/.exec(demo.out.text)?.[1];
    expect(url, demo.out.text).toBe(`http://127.0.0.1:${port}/`);

    const index = await fetch(url!);
    expect(index.status).toBe(200);
    const html = await index.text();
    const definitions = readdirSync(join(ROOT, 'procedures'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(ROOT, 'procedures', f), 'utf8')) as { code: string; status: string });
    expect(definitions.map((d) => d.code).sort()).toEqual(['1.000028', '1.004616', '1.005092', '2.000535', '2.000645', '2.000648']);
    for (const { code, status } of definitions) {
      const item = new RegExp(`<li data-procedure="${code.replace('.', '\\.')}">([\\s\\S]*?)</li>`).exec(html)?.[1];
      expect(item, code).toContain(`<span class="code">${code}</span>`);
      expect(item, code).toContain(`href="/legacy/${code}"`);
      expect(item?.includes('Bản nháp: định nghĩa chưa được đối chiếu đầy đủ'), code).toBe(status === 'draft');
    }

    // A citizen logs in, opens a procedure and posts a dossier (refused: incomplete); nothing of hers is printed.
    const login = await fetch(`${url}login`, { method: 'POST', body: new URLSearchParams({ citizen: LAN, next: '/legacy/1.005092' }), redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const form = await (await fetch(`${url}legacy/1.005092`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const post = new FormData();
    for (const [name, value] of Object.entries({ _csrf: csrf, fullName: 'Nguyễn Thị Lan', idNumber: LAN, contactPhone: '0912345678', 'oncefill-envelope': '{"v":1' })) post.append(name, value);
    expect((await fetch(`${url}legacy/1.005092`, { method: 'POST', headers: { cookie }, body: post, redirect: 'manual' })).status).toBe(422);
    const gateway = await fetch(`${url}api/oncefill/population`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"broken' });
    expect(gateway.status).toBeGreaterThanOrEqual(400);

    process.kill(-demo.child.pid!, 'SIGINT');
    const exit = await Promise.race([demo.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 8000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    await expect(fetch(url!)).rejects.toThrow();
    for (const text of PERSONAL) expect(demo.out.text, text).not.toContain(text);
  });

  it('on a tree without dist/ says it builds first, runs npm run build, and says what to do when that fails', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'oncefill-demo-tree-'));
    temporary.push(tree);
    mkdirSync(join(tree, 'demo'));
    for (const file of ['cli.ts', 'port.ts']) copyFileSync(join(ROOT, 'demo', file), join(tree, 'demo', file));
    copyFileSync(join(ROOT, 'package.json'), join(tree, 'package.json'));
    // A stand-in npm that records how it was called and fails, as a broken build would.
    const bin = join(tree, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$(pwd -P) $*" > "${join(tree, 'npm-called')}"\necho "build broke" >&2\nexit 3\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    const cli = run(join(ROOT, 'node_modules/.bin/tsx'), ['demo/cli.ts'], { cwd: tree, env: { PATH: `${bin}:${process.env.PATH}`, PORT: '0' } });
    const exit = await cli.exited;
    expect(exit.code, cli.out.text).toBe(3);
    expect(cli.out.text).toContain('The demo needs the built package (dist/) and examples: running npm run build first (once)…');
    expect(cli.out.text).toContain('npm run build failed (see above): fix that, then run npm run demo again.');
    expect(readFileSync(join(tree, 'npm-called'), 'utf8').trim()).toBe(`${realpathSync(tree)} run build`);
  });

  it('refuses a PORT that is not plain decimal digits 0–65535, before building anything', async () => {
    for (const PORT of ['1e3', '0x1F99', '65536', ' 8080']) {
      const cli = run(join(ROOT, 'node_modules/.bin/tsx'), ['demo/cli.ts'], { cwd: ROOT, env: { PORT } });
      expect((await cli.exited).code, PORT).toBe(2);
      expect(cli.out.text.trim(), PORT).toBe('PORT must be a port number in decimal digits, 0–65535 (0: any free port; unset or empty: 8080)');
    }
  });

  it('on a port already in use prints one line saying what to do, no stack, and exits 1', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as { port: number };
      const cli = run(join(ROOT, 'node_modules/.bin/tsx'), ['demo/cli.ts'], { cwd: ROOT, env: { PORT: String(port) } });
      expect((await cli.exited).code, cli.out.text).toBe(1);
      expect(cli.out.text.trim()).toBe(`port ${port} is in use: set PORT=… or stop the other server`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
