// One measured run of the KPI report over a file, in its own process (bench/kpi.bench.ts).
import { createReadStream } from 'node:fs';
import { kpiReport } from '../dist/server.js';

const file = process.argv[2];
const started = performance.now();
const report = await kpiReport([{ name: file, chunks: createReadStream(file, { highWaterMark: 1 << 20 }) }]);
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, input: report.input, submissions: report.overall.submissions }));
