// One measured run of the KPI report over a file, in its own process (bench/kpi.bench.ts).
// Started with --expose-gc: after the run, a full collection shows what stays live.
import { createReadStream } from 'node:fs';
import { kpiReport } from '../dist/server.js';

const file = process.argv[2];
const started = performance.now();
const report = await kpiReport([{ name: file, chunks: createReadStream(file) }]);
const ms = performance.now() - started;
const maxRssKb = process.resourceUsage().maxRSS;
globalThis.gc?.();
const liveHeapKb = process.memoryUsage().heapUsed / 1024;
process.stdout.write(JSON.stringify({ ms, maxRssKb, liveHeapKb, input: report.input, submissions: report.overall.submissions }));
