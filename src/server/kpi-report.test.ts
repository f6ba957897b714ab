import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleEvents } from '../telemetry/example-events.js';
import type { TelemetryEvent } from '../telemetry/event-schemas.js';
import { createKpiAggregator, kpiReport, type KpiMetrics } from './kpi-report.js';

const doc = readFileSync(new URL('../../docs/kpi.md', import.meta.url), 'utf8');
/** A fenced block of docs/kpi.md by its tag (` ```json kpi-example-report `). */
const block = (tag: string) => {
  const match = new RegExp('```[a-z]+ ' + tag + '\\n([\\s\\S]*?)```').exec(doc);
  if (!match) throw new Error(`docs/kpi.md has no block ${tag}`);
  return match[1]!;
};
const input = (name: string, text: string) => ({ name, chunks: [text] });
const ndjson = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n');

const REF = (c: string) => c.repeat(64);
const base = { session: 'S'.repeat(22), procedure: { code: '1.004616', version: '2025.1' }, sampleRate: 1 };
let n = 0;
const event = (flow: string, name: string, payload: object, over: object = {}): TelemetryEvent =>
  ({ id: `id${String(++n).padStart(20, '0')}`, name, at: 1_750_000_000_000 + n, flow: flow.padEnd(22, 'f'), ...base, ...over, ...payload }) as unknown as TelemetryEvent;
const timing = (wall: number, over: object = {}) => ({
  anchor: 'server', sequence: 1, totalMs: wall, sinceOpenMs: wall, monotonicMs: wall, activeMs: wall / 2,
  fillingMs: wall, fixingMs: 0, submitRoundTripMs: 0, attempts: 1, pages: 1, suspended: false, clockChanged: false, ...over,
});
const confirmed = (flow: string, wall: number, over: object = {}, dossier?: string) =>
  event(flow, 'submit:confirmed', { ...(dossier ? { dossier } : {}), timing: timing(wall) }, over);

describe('kpiReport', () => {
  it('equals the hand-worked example of docs/kpi.md', async () => {
    const issues: string[] = [];
    const report = await kpiReport([input('example.ndjson', block('kpi-example-events'))], {
      processing: input('example.csv', block('kpi-example-processing')),
      onIssue: (i) => issues.push(`${i.line}: ${i.message}`),
      onProcessingIssue: (i) => issues.push(`${i.line}: ${i.message}`),
    });
    expect(report).toEqual(JSON.parse(block('kpi-example-report')));
    expect(issues).toEqual(['22: satisfaction:rated: property "comment" is not in the schema']);
  });

  it('keeps every key on empty input: counts 0, shares and times null, processingTimeChange null', async () => {
    const report = await kpiReport([input('empty.ndjson', '')]);
    expect(report.procedures).toEqual({});
    const o = report.overall;
    expect(o).toMatchObject({ started: 0, submissions: 0, abandoned: 0, prefillShare: null, fieldsReusedShare: null, documentsReused: 0, processingTimeChange: null });
    expect(o.timeToSubmit).toEqual({
      measured: 0, meanMs: null, medianMs: null, p90Ms: null, under5MinShare: null, under8MinShare: null,
      active: { meanMs: null, medianMs: null, p90Ms: null }, formOpenAnchored: 0, suspended: 0, clockChanged: 0, byMinute: Array(16).fill(0),
    });
    expect(o.satisfaction).toEqual({ ratings: 0, satisfiedShare: null, topTwoBoxShare: null, byScore: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
    expect(Object.keys(o.sources)).toEqual(['population', 'results', 'personal', 'business']);
    for (const s of Object.values(o.sources)) expect(s).toEqual({ answers: 0, availability: null, p95LatencyMs: null });
    expect(Object.values(o.processing).every((v) => v === 0 || v === null)).toBe(true);
    // The same keys as a full report, at every depth.
    const full = await kpiReport([input('example.ndjson', block('kpi-example-events'))]);
    const shape = (m: KpiMetrics) => JSON.stringify(m, (_k, v) => (v === null || typeof v === 'number' ? 0 : v));
    expect(shape(o)).toEqual(shape(full.overall));
  });

  it('changes processingTimeChange as the processing records say, null without them', async () => {
    const events = input('e.ndjson', ndjson([confirmed('a', 200_000, {}, REF('a'))]));
    const csv = (onlineResult: string) =>
      input('r.csv', `dossierRef,channel,receivedAt,resultAt,pausedDays\n${REF('a')},online,2025-06-02T09:00:00+07:00,${onlineResult},0\n${REF('b')},in-person,2025-06-02T09:00:00+07:00,2025-06-12T09:00:00+07:00,0\n`);
    expect((await kpiReport([events])).overall.processingTimeChange).toBeNull();
    // In person: Mon 2/6 → Thu 12/6 = 8 working days.
    const faster = await kpiReport([events], { processing: csv('2025-06-06T16:00:00+07:00') }); // 4 days
    expect(faster.overall.processingTimeChange).toBe(-0.5);
    expect(faster.overall.processing).toMatchObject({ onlineMeanWorkingDays: 4, inPersonMeanWorkingDays: 8, matchedDossiers: 1 });
    // The online dossier found its procedure through the submission; the in-person one has none.
    expect(faster.procedures['1.004616']!.processing).toMatchObject({ onlineDossiers: 1, inPersonDossiers: 0, matchedDossiers: 1 });
    expect(faster.procedures['1.004616']!.processingTimeChange).toBeNull();
    const slower = await kpiReport([events], { processing: csv('2025-06-16T08:00:00+07:00') }); // 10 days
    expect(slower.overall.processingTimeChange).toBe(0.25);
  });

  it('weighs each flow by 1 / sampleRate in counts, shares and percentiles', async () => {
    const events = [
      confirmed('half', 100_000, { sampleRate: 0.5 }),
      confirmed('full', 400_000, { sampleRate: 1 }),
      event('half', 'satisfaction:rated', { score: 1, after: 'confirmed' }, { sampleRate: 0.5 }),
      event('full', 'satisfaction:rated', { score: 5, after: 'confirmed' }),
    ];
    const report = await kpiReport([input('w.ndjson', ndjson(events))]);
    expect(report.overall.submissions).toBe(3);
    expect(report.overall.timeToSubmit).toMatchObject({ measured: 3, meanMs: 200_000, medianMs: 100_000, under5MinShare: 0.6667 });
    expect(report.overall.satisfaction).toMatchObject({ ratings: 3, satisfiedShare: 0.3333, topTwoBoxShare: 0.3333 });
  });

  it('counts a flow once: a second confirmation, a changed rating and a revived abandonment', async () => {
    const events = [
      event('f', 'form:opened', { anchor: 'server' }),
      event('f', 'form:abandoned', { reason: 'idle', phase: 'filling', sinceOpenMs: 1, activeMs: 1, attempts: 0 }),
      confirmed('f', 100_000),
      confirmed('f', 900_000),
      event('f', 'satisfaction:rated', { score: 2, after: 'confirmed' }),
      event('f', 'satisfaction:rated', { score: 4, after: 'confirmed' }),
    ];
    const o = (await kpiReport([input('f.ndjson', ndjson(events))])).overall;
    expect(o).toMatchObject({ started: 1, submissions: 1, abandoned: 0 });
    expect(o.timeToSubmit.meanMs).toBe(100_000);
    expect(o.satisfaction).toMatchObject({ ratings: 1, satisfiedShare: 1, byScore: { 2: 0, 4: 1 } });
  });

  it('moves the "not satisfied" threshold on request; the top-two-box share does not move', async () => {
    const events = [1, 2, 3, 4, 5].map((score, i) => event(`r${i}`, 'satisfaction:rated', { score, after: 'confirmed' }));
    const share = async (notSatisfiedAtMost?: number) => (await kpiReport([input('r.ndjson', ndjson(events))], notSatisfiedAtMost === undefined ? {} : { notSatisfiedAtMost })).overall.satisfaction;
    expect(await share()).toMatchObject({ satisfiedShare: 0.6, topTwoBoxShare: 0.4 });
    expect(await share(1)).toMatchObject({ satisfiedShare: 0.8, topTwoBoxShare: 0.4 });
    expect(await share(3)).toMatchObject({ satisfiedShare: 0.4, topTwoBoxShare: 0.4 });
    expect(() => createKpiAggregator({ notSatisfiedAtMost: 6 })).toThrow(/\[oncefill\]/);
  });

  it('counts availability over ok, error and timeout answers only', async () => {
    const resolved = (flow: string, status: string) =>
      event(flow, 'prefill:resolved', { latencyMs: 10, sources: { population: { status, latencyMs: 10, attributes: 0, ...(status === 'ok' ? {} : { error: 'timeout' }) } } });
    const statuses = ['ok', 'ok', 'error', 'timeout', 'skipped', 'no-consent', 'challenge'];
    const o = (await kpiReport([input('s.ndjson', ndjson(statuses.map((s, i) => resolved(`s${i}`, s))))])).overall;
    expect(o.sources.population).toEqual({ answers: 4, availability: 0.5, p95LatencyMs: 10 });
  });

  it('gives the same report with a small flow window when each flow arrives within it', () => {
    const flowArb = fc.record({
      sampleRate: fc.constantFrom(1, 0.5, 0.25),
      filled: fc.integer({ min: 0, max: 6 }),
      kept: fc.integer({ min: 0, max: 8 }),
      submitted: fc.boolean(),
      wall: fc.integer({ min: 1, max: 3_000_000 }),
      score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      procedure: fc.constantFrom('1.004616', '1.005092'),
    });
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 30 }), (flows) => {
        const events = flows.flatMap((f, i) => {
          const over = { sampleRate: f.sampleRate, procedure: { code: f.procedure, version: '1' } };
          const id = `p${i}`;
          return [
            event(id, 'form:opened', { anchor: 'server' }, over),
            event(id, 'prefill:resolved', { latencyMs: 5, sources: {}, fields: { filled: f.filled } }, over),
            ...Array.from({ length: f.kept }, (_, k) => event(id, 'field:kept', { field: `f${k}` }, over)),
            ...(f.submitted ? [confirmed(id, f.wall, over)] : [event(id, 'form:abandoned', { reason: 'left', phase: 'filling', sinceOpenMs: 1, activeMs: 1, attempts: 0 }, over)]),
            ...(f.score ? [event(id, 'satisfaction:rated', { score: f.score, after: 'confirmed' }, over)] : []),
          ];
        });
        const wide = createKpiAggregator();
        const narrow = createKpiAggregator({ windowEvents: 12 });
        for (const e of events) {
          wide.add(e);
          narrow.add(e);
        }
        const strip = (r: ReturnType<typeof wide.report>) => ({ ...r, settings: undefined });
        expect(strip(narrow.report())).toEqual(strip(wide.report()));
      }),
      { numRuns: 100 },
    );
  });

  it('reports open flows without closing them: a later event of the flow still joins it', () => {
    const kpi = createKpiAggregator();
    kpi.add(event('open', 'prefill:resolved', { latencyMs: 5, sources: {}, fields: { filled: 2 } }));
    kpi.add(confirmed('open', 60_000));
    expect(kpi.report().overall).toMatchObject({ submissions: 1, fields: { filled: 2, kept: 0 } });
    kpi.add(event('open', 'field:kept', { field: 'fullName' }));
    expect(kpi.report().overall).toMatchObject({ submissions: 1, fields: { filled: 2, kept: 1 }, fieldsReusedShare: 0.5 });
  });

  it('reads the example events of the telemetry docs without refusing any', async () => {
    const report = await kpiReport([input('x.ndjson', ndjson(exampleEvents()))]);
    expect(report.input).toMatchObject({ accepted: exampleEvents().length, refused: 0, badLines: 0 });
  });
});
