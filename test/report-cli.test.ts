/**
 * The built `oncefill report` (dist/cli.js): streams, JSON on stdout, messages on stderr, every
 * key on empty input, the exit codes docs/kpi.md states.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleBatch } from '../src/telemetry/example-events.js';

const ROOT = new URL('../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'oncefill-report-'));
const doc = readFileSync(join(ROOT, 'docs/kpi.md'), 'utf8');
const block = (tag: string) => new RegExp('```[a-z]+ ' + tag + '\\n([\\s\\S]*?)```').exec(doc)![1]!;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const report = (args: string[], input?: string) => {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'report', ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.split('\n').filter(Boolean) };
};

describe('oncefill report', () => {
  it('prints the report of the worked example of docs/kpi.md on stdout, the refused event on stderr', () => {
    const events = file('example.ndjson', block('kpi-example-events'));
    const records = file('example.csv', block('kpi-example-processing'));
    const result = report([events, '--processing', records]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(block('kpi-example-report')));
    expect(result.stderr).toEqual([
      `${events}:22: satisfaction:rated: property "comment" is not in the schema`,
      'oncefill report: 24 events counted from 22 lines (2 duplicates, 1 events and 0 lines refused), 5 processing records',
    ]);
  });

  it('exits 0 on empty input with every key present', () => {
    const result = report([file('empty.ndjson', '')]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.procedures).toEqual({});
    expect(json.overall.timeToSubmit).toMatchObject({ meanMs: null, medianMs: null, p90Ms: null, under5MinShare: null, under8MinShare: null, active: { meanMs: null } });
    expect(json.overall).toMatchObject({ submissions: 0, prefillShare: null, processingTimeChange: null, satisfaction: { ratings: 0, satisfiedShare: null } });
    expect(json.overall.sources.population).toEqual({ answers: 0, availability: null, p95LatencyMs: null });
  });

  it('reads stdin for -, names bad lines by file:line and skips them; --strict turns them into exit 1', () => {
    const text = `${JSON.stringify(exampleBatch())}\nnot json\n${JSON.stringify({ ...exampleBatch(), v: 9 })}\n`;
    const result = report(['-'], text);
    expect(result.status).toBe(0);
    expect(result.stderr.slice(0, 2)).toEqual(['-:2: not valid JSON', '-:3: unknown format version 9 (this ingest reads 1)']);
    expect(JSON.parse(result.stdout).input).toMatchObject({ lines: 3, badLines: 2, accepted: 12 });
    expect(report(['-', '--strict'], text).status).toBe(1);
  });

  it('writes CSV and HTML, to stdout or --out', () => {
    const events = file('e.ndjson', block('kpi-example-events'));
    const csv = report([events, '--format', 'csv']);
    expect(csv.status).toBe(0);
    const [header, overall, ...procedures] = csv.stdout.trim().split('\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['scope', 'started', 'submissions', 'abandoned']);
    expect(overall!.split(',').slice(0, 4)).toEqual(['overall', '6', '5', '1']);
    expect(procedures.map((row) => row.split(',')[0])).toEqual(['1.004616', '1.005092']);
    const out = join(dir, 'kpi.html');
    const html = report([events, '--format', 'html', '--out', out]);
    expect(html.status).toBe(0);
    expect(html.stdout).toBe('');
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link|src=|href="http/i);
  });

  it('answers usage mistakes with exit 2 and an unreadable file with exit 1', () => {
    expect(report([]).status).toBe(2);
    expect(report(['x.ndjson', '--format', 'xml']).status).toBe(2);
    expect(report(['x.ndjson', '--colour']).status).toBe(2);
    expect(report(['x.ndjson', '--not-satisfied-at-most', '7']).status).toBe(2);
    const missing = report([join(dir, 'nope.ndjson')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toEqual([`${join(dir, 'nope.ndjson')}: cannot read (ENOENT)`]);
    expect(missing.stdout).toBe('');
  });
});
