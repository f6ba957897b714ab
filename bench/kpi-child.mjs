// One measured run of the KPI report over a file, in its own process (bench/kpi.bench.ts).
// Started with --expose-gc: after the run, a full collection shows what stays live.
import { createReadStream } from 'node:fs';
import { kpiReport } from '../dist/server.js';

const file = process.argv[2];
const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = await kpiReport([{ name: file, chunks: createReadStream(file) }]);
const ms = performance.now() - started;
// CPU time of this process (all its threads, GC included): what a busy machine steals shows in
// wall time but not here, so the two together say how much of a slow run was the machine.
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssKb = process.resourceUsage().maxRSS;
globalThis.gc?.();
const liveHeapKb = process.memoryUsage().heapUsed / 1024;
process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssKb, liveHeapKb, input: report.input, submissions: report.overall.submissions }));
