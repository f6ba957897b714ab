/**
 * `oncefill report <events.ndjson…|-> [--processing records.csv] [--format json|csv|html] [--out file]`
 *
 * Streams the files (or stdin for `-`), prints the report on stdout (or writes `--out`) and
 * every refused line on stderr as `file:line: message`. Exit codes: 0 the report was written
 * (refused lines are skipped and counted in `input`); 1 an input could not be read, or with
 * `--strict` any line or row was refused; 2 a usage mistake.
 */
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { kpiReport, type KpiReportOptions } from '../server/kpi-report.js';
import { renderKpiCsv } from '../server/kpi-csv.js';
import { renderKpiHtml } from '../server/kpi-html.js';
import type { TelemetryInput } from '../server/ingest-telemetry.js';
import type { CliIo } from './check.js';

const USAGE =
  'usage: oncefill report <events.ndjson…|-> [--processing records.csv] [--format json|csv|html] [--out file] [--window N] [--not-satisfied-at-most N] [--strict]';
/** Messages printed before the rest are only counted. */
const MAX_MESSAGES = 100;

export async function report(args: string[], io: CliIo, stdin: AsyncIterable<string | Uint8Array> = process.stdin): Promise<number> {
  const files: string[] = [];
  let processing: string | undefined;
  let format = 'json';
  let out: string | undefined;
  let strict = false;
  const options: KpiReportOptions = {};
  const usage = (message: string) => {
    io.err(`oncefill report: ${message}\n${USAGE}`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i];
    if (arg === '--processing') processing = value();
    else if (arg === '--format') format = value() ?? '';
    else if (arg === '--out' || arg === '-o') out = value();
    else if (arg === '--strict') strict = true;
    else if (arg === '--window' || arg === '--not-satisfied-at-most') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < (arg === '--window' ? 1 : 0)) return usage(`${arg} needs a whole number`);
      if (arg === '--window') options.windowEvents = n;
      else if (n > 5) return usage('--not-satisfied-at-most is a score from 0 to 5');
      else options.notSatisfiedAtMost = n;
    } else if (arg.startsWith('-') && arg !== '-') return usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) return usage('name at least one NDJSON file, or - for stdin');
  if (!['json', 'csv', 'html'].includes(format)) return usage('--format is json, csv or html');
  if (processing === undefined && args.includes('--processing')) return usage('--processing needs a CSV file');
  if (out === undefined && (args.includes('--out') || args.includes('-o'))) return usage('--out needs a file name');

  for (const file of [...files.filter((f) => f !== '-'), ...(processing ? [processing] : [])]) {
    try {
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    } catch (error) {
      io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return 1;
    }
  }

  let messages = 0;
  const say = (line: string) => {
    if (++messages <= MAX_MESSAGES) io.err(line);
  };
  const inputs: TelemetryInput[] = files.map((file) => ({ name: file, chunks: file === '-' ? stdin : createReadStream(file) }));
  const result = await kpiReport(inputs, {
    ...options,
    ...(processing ? { processing: { name: processing, chunks: createReadStream(processing) } } : {}),
    onIssue: (i) => say(`${i.file}:${i.line}: ${i.event === undefined ? '' : `event ${i.event}: `}${i.message}`),
    onProcessingIssue: (i) => say(`${i.file}:${i.line}: ${i.message}`),
  });
  if (messages > MAX_MESSAGES) io.err(`… and ${messages - MAX_MESSAGES} more refused lines or events`);
  const { input } = result;
  io.err(
    `oncefill report: ${input.accepted} events counted from ${input.lines} lines (${input.duplicates} duplicates, ${input.refused} events and ${input.badLines} lines refused)${processing ? `, ${input.processingRecords} processing records` : ''}`,
  );

  const text = format === 'csv' ? renderKpiCsv(result) : format === 'html' ? renderKpiHtml(result) : `${JSON.stringify(result, null, 2)}\n`;
  if (out) await writeFile(out, text);
  else io.out(text.replace(/\n$/, ''));
  return strict && messages > 0 ? 1 : 0;
}
