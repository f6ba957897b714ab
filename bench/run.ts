/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn (each in its own process, so one
 * benchmark's heap and JIT state do not colour the next) and prints their figures.
 * Figures only: budgets are judged by reading them (docs/benchmarks.md), never by a test.
 *
 *   npm run bench                 # all
 *   npm run bench -- telemetry    # the files whose name contains "telemetry"
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (files.length === 0) console.log(`no benchmark matches "${filter}"`);
process.exit(failed ? 1 : 0);
