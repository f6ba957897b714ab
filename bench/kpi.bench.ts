/**
 * KPI report throughput and memory (budget: ≥ 200 k events/s over 1 M events with 10 %
 * duplicates; peak RSS at 1 M ≤ 1.2 × at 100 k). Generates the events with
 * `bench/generate-events.ts` into a temporary file, then runs `kpiReport` from the built
 * package over 100 k and 1 M events, each in its own process so `maxRSS` is that run's alone.
 * Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEvents } from './generate-events.js';

const dir = mkdtempSync(join(tmpdir(), 'oncefill-kpi-bench-'));
const child = fileURLToPath(new URL('kpi-child.mjs', import.meta.url));
const ROUNDS = 3;

interface Run {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  liveHeapKb: number;
  input: { events: number; accepted: number; duplicates: number };
}

const results: Array<{ size: number; best: Run; rss: number }> = [];
const load = () => (process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ')[0] : '?');
console.log(`load average before: ${load()} (${availableParallelism()} cores): other work on the machine slows every figure`);
try {
  for (const size of [100_000, 1_000_000]) {
    const file = join(dir, `events-${size}.ndjson`);
    const made = await generateEvents(file, size, 0.1);
    console.log(`generated ${made.events} events (${made.duplicates} duplicates) in ${made.lines} lines, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const runs: Run[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const result = spawnSync(process.execPath, ['--expose-gc', child, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (result.status !== 0) throw new Error(result.stderr);
      runs.push(JSON.parse(result.stdout) as Run);
    }
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    results.push({ size, best, rss: Math.max(...runs.map((r) => r.maxRssKb)) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

for (const { size, best, rss } of results) {
  const rate = best.input.events / (best.ms / 1000);
  const cpuRate = best.input.events / (best.cpuMs / 1000);
  console.log(
    `${String(size).padStart(9)} events  ${best.ms.toFixed(0).padStart(6)} ms (best of ${ROUNDS})  ${(rate / 1000).toFixed(0)} k events/s wall, ${(cpuRate / 1000).toFixed(0)} k per CPU-second  peak RSS ${(rss / 1024).toFixed(0)} MB  live heap after the run ${(best.liveHeapKb / 1024).toFixed(1)} MB  (${best.input.duplicates} duplicates dropped)`,
  );
}
const [small, large] = results;
const rate = large!.best.input.events / (large!.best.ms / 1000);
const ratio = large!.rss / small!.rss;
const cpuRate = large!.best.input.events / (large!.best.cpuMs / 1000);
console.log(`throughput at 1 M   ${(rate / 1000).toFixed(0)} k events/s wall (budget ≥ 200 k) ${rate >= 200_000 ? 'within budget' : 'OVER BUDGET'}; ${(cpuRate / 1000).toFixed(0)} k events per CPU-second`);
console.log(`load average after: ${load()}`);
console.log(`peak RSS 1 M / 100 k  ${ratio.toFixed(2)} (budget ≤ 1.2) ${ratio <= 1.2 ? 'within budget' : 'OVER BUDGET'}`);
