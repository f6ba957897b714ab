/**
 * The shared admin-unit data (`shared/data/admin-units/`) for tests that check our modules
 * against it. It sits beside the repository, or beside the folder of worktrees; a test that
 * needs it fails, never skips, when it is missing (set ONCEFILL_SHARED_DIR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAdminUnitsDir } from '../../../scripts/generate-units.js';
import { missingSharedData } from '../../../scripts/shared-data.js';

export function adminUnitsDir(): string {
  const dir = findAdminUnitsDir();
  if (!dir) throw new Error(missingSharedData('admin-units'));
  return dir;
}

/** Rows of a CSV file under `derived/` (no quoting in these files), keyed by the header. */
export function readDerivedCsv(name: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(join(adminUnitsDir(), 'derived', name), 'utf8').trim().split('\n');
  const keys = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]!]));
  });
}
