/**
 * Where the shared reference data (`shared/data/…`: admin units, RFC 8785 vectors) is. It is
 * read-only input that sits beside the project, not in it: `ONCEFILL_SHARED_DIR` names the
 * `shared/` folder (`.ci/run` sets it), else the folders above the repository are searched
 * (`<x>/main` and `<x>/wt/<name>` both find `<x>/shared`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function findSharedData(name: 'admin-units' | 'jcs-testdata'): string | undefined {
  const fromEnv = process.env.ONCEFILL_SHARED_DIR;
  if (fromEnv) return existsSync(join(fromEnv, 'data', name)) ? join(fromEnv, 'data', name) : undefined;
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** What to do when the folder is missing: the README's Quick start says the same. */
export const missingSharedData = (name: 'admin-units' | 'jcs-testdata') =>
  `shared/data/${name} not found: put the reference data beside the project (../shared/data/${name}) or set ONCEFILL_SHARED_DIR to the shared/ folder`;

/** The same, for tests: a missing folder fails the test with what to do, never skips it. */
export function sharedData(name: 'admin-units' | 'jcs-testdata'): string {
  const dir = findSharedData(name);
  if (!dir) throw new Error(missingSharedData(name));
  return dir;
}
