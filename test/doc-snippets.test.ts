/**
 * The TypeScript a new user copies from the README and docs/react.md type-checks against the
 * built package (`dist/*.d.ts`, through the package's exports map), as it would in their
 * project. Needs `npm run build` first, like the bundle tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './bundle-size.js';

/** The fenced code blocks of `lang` in `file` under the heading `heading` (up to the next heading of its level). */
function snippets(file: string, heading: string, lang: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file}: no heading "${heading}"`);
  const level = heading.slice(0, heading.indexOf(' ') + 1);
  const end = text.indexOf(`\n${level}`, start + heading.length + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** What the README's snippet leaves to the page: its own helpers. */
const PAGE_HELPERS = `export {};
declare global {
  function csrfToken(): string;
  function askCitizen(request: unknown): Promise<boolean>;
  function addRows(group: string, rows: number): void;
}
`;

// Inside the repository, so `oncefill` resolves to this package (self-reference) and react to node_modules.
const dir = join(ROOT, 'test', `.doc-snippets-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typeCheck(files: Record<string, string>): { status: number | null; output: string } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      include: ['*.ts', '*.tsx'],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  return { status: tsc.status, output: tsc.stdout + tsc.stderr };
}

describe('documentation snippets type-check against dist/', () => {
  it('finds the built types', () => {
    expect(existsSync(join(ROOT, 'dist/dom.d.ts')), 'run npm run build first').toBe(true);
  });

  it('README "In the browser with a bundler"', () => {
    const readme = snippets('README.md', '## In the browser with a bundler', 'ts');
    expect(readme).toHaveLength(1);
    const { status, output } = typeCheck({ 'page-helpers.d.ts': PAGE_HELPERS, 'readme-bundler.ts': readme[0]! });
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 120_000);

  it('docs/react.md "Copy-paste start": controlled components and react-hook-form, each on its own', () => {
    const react = snippets('docs/react.md', '## Copy-paste start', 'tsx');
    expect(react).toHaveLength(2);
    const { status, output } = typeCheck({ 'react-controlled.tsx': react[0]!, 'react-hook-form.tsx': react[1]! });
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 120_000);

  it('would catch a mistake: a detail oncefill does not send is an error', () => {
    const wrong = `import { bindForm } from 'oncefill/dom';\ndeclare const binding: ReturnType<typeof bindForm>;\nbinding.form.addEventListener('rows:needed', (e) => e.detail.nope);\n`;
    const { status, output } = typeCheck({ 'wrong.ts': wrong });
    expect(status).not.toBe(0);
    expect(output).toContain("Property 'nope' does not exist on type 'RowsNeededDetail'");
  }, 120_000);
});
