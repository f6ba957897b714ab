/**
 * The plan's criteria per procedure, from checked telemetry events and the back office's
 * processing records. Every formula, denominator and edge case is in `docs/kpi.md`; this file
 * follows it line by line.
 *
 * Streaming in fixed memory: events update counters and fixed histograms at once; what needs
 * the whole flow (was the submitted form prefilled? which fields were kept?) waits in a flow
 * table that keeps a flow while it sent one of the last `windowEvents` events, and is counted
 * when the flow leaves the table or the input ends.
 */
import { SOURCE_KINDS, type SourceKind } from '../schema/format-constants.js';
import type { TelemetryEvent } from '../telemetry/event-schemas.js';
import { DEFAULT_INGEST_OPTIONS, ingestTelemetry, createTelemetryIngest, type IngestIssue, type IngestStats, type TelemetryInput } from './ingest-telemetry.js';
import { DurationHistogram, HISTOGRAM_RELATIVE_ERROR } from './kpi-histogram.js';
import { IdWindow } from './ingest-id-window.js';
import { FLOW_ABANDONED, FLOW_OPENED, FLOW_SUBMITTED, FlowTable } from './kpi-flow-table.js';
import { readProcessingCsv, type ProcessingIssue, type ProcessingRecord } from './kpi-processing.js';

export interface KpiOptions {
  /** Ratings at or below this score count as "not satisfied" (QĐ 766: everyone else is satisfied). Default 2 ("Không hài lòng"). */
  notSatisfiedAtMost?: number;
  /** A flow's state is kept while it sent one of the last this many events. Default 100,000. */
  windowEvents?: number;
}

export const DEFAULT_KPI_OPTIONS = { notSatisfiedAtMost: 2, windowEvents: DEFAULT_INGEST_OPTIONS.windowEvents } as const;

/** Time from login to a confirmed submission, over submissions whose clock starts at the login. */
export interface TimeToSubmitKpi {
  /** Weighted submissions measured (anchor `server` or `login-mark`). */
  measured: number;
  /** Wall time. */
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  under5MinShare: number | null;
  under8MinShare: number | null;
  /** Time the page was visible and in use, over the same submissions. */
  active: { meanMs: number | null; medianMs: number | null; p90Ms: number | null };
  /** Submissions set apart: their clock started at the form (no login time known). */
  formOpenAnchored: number;
  /** Measured submissions whose device slept (wall time includes the sleep). */
  suspended: number;
  /** Measured submissions whose wall clock jumped (the monotonic clock was used there). */
  clockChanged: number;
  /** Weighted measured submissions by whole minutes of wall time: [0, 1), [1, 2) … [14, 15), then 15 and more. */
  byMinute: number[];
}

export interface ProcessingKpi {
  onlineDossiers: number;
  inPersonDossiers: number;
  postDossiers: number;
  onlineMeanWorkingDays: number | null;
  inPersonMeanWorkingDays: number | null;
  postMeanWorkingDays: number | null;
  /** Online dossiers whose reference appeared in a `submit:confirmed`. */
  matchedDossiers: number;
}

export interface SatisfactionKpi {
  ratings: number;
  /** QĐ 766/QĐ-TTg: (ratings − ratings at or below the threshold) / ratings. */
  satisfiedShare: number | null;
  /** Ratings of 4 or 5 / ratings. */
  topTwoBoxShare: number | null;
  /** Weighted ratings by score. */
  byScore: { '1': number; '2': number; '3': number; '4': number; '5': number };
}

export interface SourceKpi {
  /** Weighted answers: `ok`, `error` and `timeout` statuses. */
  answers: number;
  /** ok / answers. */
  availability: number | null;
  p95LatencyMs: number | null;
}

/** The criteria for one procedure or for all. Every key is present; what has no denominator is `null`. */
export interface KpiMetrics {
  /** Weighted flows that opened a form. */
  started: number;
  /** Weighted flows with a `submit:confirmed`. */
  submissions: number;
  /** Weighted flows that ended `form:abandoned` and were never confirmed. */
  abandoned: number;
  /** Submissions whose form had at least one field filled by oncefill / submissions. */
  prefillShare: number | null;
  /** Fields kept as prefilled at submit / fields oncefill filled, on submitted forms. */
  fieldsReusedShare: number | null;
  fields: { filled: number; kept: number };
  /** Dossier components satisfied by reuse (`component:reused`, once per component) on submitted flows. */
  documentsReused: number;
  timeToSubmit: TimeToSubmitKpi;
  /** (online − in-person mean working days) / in-person mean; `null` without records. Negative is better. */
  processingTimeChange: number | null;
  processing: ProcessingKpi;
  satisfaction: SatisfactionKpi;
  sources: Record<SourceKind, SourceKpi>;
}

export interface KpiReport {
  /** Version of this report's shape. */
  report: 1;
  settings: {
    notSatisfiedAtMost: number;
    windowEvents: number;
    /** Worst relative error of the percentiles (fixed histogram). */
    percentileRelativeError: number;
  };
  input: IngestStats & { processingRecords: number };
  overall: KpiMetrics;
  /** By procedure code, sorted. */
  procedures: Record<string, KpiMetrics>;
}

/** Minutes: the plan's 2026 and 2025 limits on the time to submit. */
const FIVE_MIN_MS = 5 * 60_000;
const EIGHT_MIN_MS = 8 * 60_000;
/** Bins of the time-to-submit distribution: one per minute up to 15, then one for the rest. */
export const MINUTE_BINS = 16;

class Mean {
  n = 0;
  sum = 0;
  add(value: number, weight = 1) {
    this.n += weight;
    this.sum += value * weight;
  }
  get value() {
    return this.n > 0 ? this.sum / this.n : null;
  }
}

class SourceStats {
  answers = 0;
  ok = 0;
  latency = new DurationHistogram();
}

/** Running totals of one scope (a procedure, or all). */
class Scope {
  started = 0;
  submissions = 0;
  abandoned = 0;
  prefilled = 0;
  filled = 0;
  kept = 0;
  reused = 0;
  measured = 0;
  wall = new DurationHistogram();
  wallSum = 0;
  active = new DurationHistogram();
  activeSum = 0;
  under5 = 0;
  under8 = 0;
  formOpenAnchored = 0;
  byMinute = new Float64Array(MINUTE_BINS);
  suspended = 0;
  clockChanged = 0;
  ratings = [0, 0, 0, 0, 0, 0];
  sources: Record<string, SourceStats> = {};
  online = new Mean();
  inPerson = new Mean();
  post = new Mean();
  matched = 0;
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const share = (part: number, whole: number) => round(whole > 0 ? part / whole : null, 4);
const count = (value: number) => round(value, 3)!;
const ms = (value: number | null) => round(value, 0);

/** An accumulator: add events and processing records in any order, read the report at any time. */
export interface KpiAggregator {
  add(event: TelemetryEvent): void;
  addProcessing(record: ProcessingRecord): void;
  /** The report so far (flows still open are counted as they stand; the aggregator stays usable). */
  report(input?: Partial<KpiReport['input']>): KpiReport;
}

function normalizeKpiOptions(options: KpiOptions = {}): Required<KpiOptions> {
  const o = { ...DEFAULT_KPI_OPTIONS, ...options };
  if (!(Number.isInteger(o.notSatisfiedAtMost) && o.notSatisfiedAtMost >= 0 && o.notSatisfiedAtMost <= 5))
    throw new TypeError('[oncefill] `notSatisfiedAtMost` must be an integer score from 0 to 5 (0: nobody counts as not satisfied)');
  if (!(Number.isInteger(o.windowEvents) && o.windowEvents > 0)) throw new TypeError('[oncefill] `windowEvents` must be a positive integer');
  return o;
}

/**
 * Builds the KPI accumulator behind `kpiReport`, for a collector that reports as events arrive.
 * Give it only checked, de-duplicated events (from `ingestTelemetry`).
 * @example
 * const kpi = createKpiAggregator()
 * const ingest = createTelemetryIngest({ onEvent: (e) => kpi.add(e) })
 * ingest.line(body, 'collector', 1)
 * kpi.report().overall.timeToSubmit.medianMs
 */
export function createKpiAggregator(options?: KpiOptions): KpiAggregator {
  const o = normalizeKpiOptions(options);
  const overall = new Scope();
  const scopes = new Map<string, Scope>();
  /** Scopes by the index a flow row keeps. */
  const scopeList: Scope[] = [];
  const scopeIndex = new Map<string, number>();
  /** Online dossiers by reference: to find their procedure and count matches. */
  const online = new Map<string, { days: number; procedure: string | undefined; matched: boolean }>();

  const scopeOf = (code: string) => {
    let scope = scopes.get(code);
    if (!scope) scopes.set(code, (scope = new Scope()));
    return scope;
  };
  const indexOf = (code: string) => {
    let index = scopeIndex.get(code);
    if (index === undefined) {
      scopeIndex.set(code, (index = scopeList.length));
      scopeList.push(scopeOf(code));
    }
    return index;
  };

  /** Adds a flow's counts to a scope (a finished flow to its totals, an open one to a report's scratch copy). */
  const settleInto = (scope: Scope, row: number) => {
    const w = flows.weight[row]!;
    const flags = flows.flags[row]!;
    const filled = flows.filled[row]!;
    if (flags & FLOW_OPENED) scope.started += w;
    if (flags & FLOW_SUBMITTED) {
      scope.submissions += w;
      if (filled > 0) scope.prefilled += w;
      scope.filled += w * filled;
      scope.kept += w * Math.min(flows.kept[row]!, filled);
      scope.reused += w * flows.reused[row]!;
    } else if (flags & FLOW_ABANDONED) scope.abandoned += w;
    const rating = flows.rating[row]!;
    if (rating > 0) scope.ratings[rating]! += w;
  };
  // Flows wait in typed-array columns and "seen" sets are hashed pairs in fixed tables, so a long
  // input leaves no trail of dead objects for the collector (peak memory stays near live memory).
  const flows: FlowTable = new FlowTable(o.windowEvents, (row) => {
    settleInto(overall, row);
    settleInto(scopeList[flows.scope[row]!]!, row);
  });
  const keptFields = new IdWindow(o.windowEvents);
  const reusedComponents = new IdWindow(o.windowEvents);

  const addAnswers = (scope: Scope, sources: Extract<TelemetryEvent, { name: 'prefill:resolved' }>['sources'], weight: number) => {
    for (const kind of SOURCE_KINDS) {
      const answer = sources[kind];
      if (!answer || (answer.status !== 'ok' && answer.status !== 'error' && answer.status !== 'timeout')) continue;
      const stats = (scope.sources[kind] ??= new SourceStats());
      stats.answers += weight;
      if (answer.status === 'ok') stats.ok += weight;
      stats.latency.add(answer.latencyMs, weight);
    }
  };
  const addTiming = (scope: Scope, t: Extract<TelemetryEvent, { name: 'submit:confirmed' }>['timing'], weight: number) => {
    if (t.anchor === 'form-open') {
      scope.formOpenAnchored += weight;
      return;
    }
    // A later submission of the same login already paid for the login: count from its own form.
    const wall = t.sequence > 1 ? t.sinceOpenMs : t.totalMs;
    scope.measured += weight;
    scope.wall.add(wall, weight);
    scope.wallSum += wall * weight;
    scope.active.add(t.activeMs, weight);
    scope.activeSum += t.activeMs * weight;
    scope.byMinute[Math.min(MINUTE_BINS - 1, Math.floor(wall / 60_000))]! += weight;
    if (wall < FIVE_MIN_MS) scope.under5 += weight;
    if (wall < EIGHT_MIN_MS) scope.under8 += weight;
    if (t.suspended) scope.suspended += weight;
    if (t.clockChanged) scope.clockChanged += weight;
  };

  return {
    add(event) {
      const weight = 1 / event.sampleRate;
      const code = event.procedure.code;
      const flow = flows.touch(event.flow);
      if (flows.created) {
        flows.scope[flow] = indexOf(code);
        flows.weight[flow] = weight;
      }

      switch (event.name) {
        case 'form:opened':
          flows.flags[flow]! |= FLOW_OPENED;
          break;
        case 'prefill:resolved':
          flows.filled[flow] = Math.max(flows.filled[flow]!, event.fields?.filled ?? 0);
          addAnswers(overall, event.sources, weight);
          addAnswers(scopeOf(code), event.sources, weight);
          break;
        case 'field:kept':
          if (keptFields.add(event.flow, event.field)) flows.kept[flow]!++;
          break;
        case 'component:reused':
          if (reusedComponents.add(event.flow, event.component)) flows.reused[flow]!++;
          break;
        case 'form:abandoned':
          flows.flags[flow]! |= FLOW_ABANDONED;
          break;
        case 'satisfaction:rated':
          if (event.at >= flows.ratedAt[flow]!) {
            flows.rating[flow] = event.score;
            flows.ratedAt[flow] = event.at;
          }
          break;
        case 'submit:confirmed': {
          if (flows.flags[flow]! & FLOW_SUBMITTED) break;
          flows.flags[flow]! |= FLOW_SUBMITTED;
          const dossier = event.dossier === undefined ? undefined : online.get(event.dossier);
          if (dossier && !dossier.matched) {
            dossier.matched = true;
            overall.matched++;
            const scope = scopeOf(dossier.procedure ?? code);
            scope.matched++;
            if (dossier.procedure === undefined) {
              dossier.procedure = code;
              scope.online.add(dossier.days);
            }
          }
          addTiming(overall, event.timing, weight);
          addTiming(scopeOf(code), event.timing, weight);
          break;
        }
        default:
          break;
      }
    },

    addProcessing(record) {
      const targets = record.procedure === undefined ? [overall] : [overall, scopeOf(record.procedure)];
      for (const scope of targets) (record.channel === 'online' ? scope.online : record.channel === 'in-person' ? scope.inPerson : scope.post).add(record.workingDays);
      if (record.channel === 'online' && !online.has(record.dossierRef)) online.set(record.dossierRef, { days: record.workingDays, procedure: record.procedure, matched: false });
    },

    report(input = {}) {
      // Flows still open are counted into scratch scopes, so the aggregator stays usable.
      const extra = new Map<Scope, Scope>();
      const scratch = (scope: Scope) => {
        let add = extra.get(scope);
        if (!add) extra.set(scope, (add = new Scope()));
        return add;
      };
      flows.forEach((row) => {
        settleInto(scratch(overall), row);
        settleInto(scratch(scopeList[flows.scope[row]!]!), row);
      });
      const hasProcessing = overall.online.n + overall.inPerson.n + overall.post.n > 0;
      const metrics = (scope: Scope): KpiMetrics => {
        const add = extra.get(scope) ?? new Scope();
        const submissions = scope.submissions + add.submissions;
        const filled = scope.filled + add.filled;
        const kept = scope.kept + add.kept;
        const ratings = scope.ratings.map((r, i) => r + add.ratings[i]!);
        const rated = ratings.reduce((a, b) => a + b, 0);
        const notSatisfied = ratings.slice(1, o.notSatisfiedAtMost + 1).reduce((a, b) => a + b, 0);
        const onlineMean = scope.online.value;
        const inPersonMean = scope.inPerson.value;
        return {
          started: count(scope.started + add.started),
          submissions: count(submissions),
          abandoned: count(scope.abandoned + add.abandoned),
          prefillShare: share(scope.prefilled + add.prefilled, submissions),
          fieldsReusedShare: share(kept, filled),
          fields: { filled: count(filled), kept: count(kept) },
          documentsReused: count(scope.reused + add.reused),
          timeToSubmit: {
            measured: count(scope.measured),
            meanMs: ms(scope.measured > 0 ? scope.wallSum / scope.measured : null),
            medianMs: ms(scope.wall.percentile(0.5)),
            p90Ms: ms(scope.wall.percentile(0.9)),
            under5MinShare: share(scope.under5, scope.measured),
            under8MinShare: share(scope.under8, scope.measured),
            active: {
              meanMs: ms(scope.measured > 0 ? scope.activeSum / scope.measured : null),
              medianMs: ms(scope.active.percentile(0.5)),
              p90Ms: ms(scope.active.percentile(0.9)),
            },
            formOpenAnchored: count(scope.formOpenAnchored),
            suspended: count(scope.suspended),
            clockChanged: count(scope.clockChanged),
            byMinute: Array.from(scope.byMinute, count),
          },
          processingTimeChange: hasProcessing && onlineMean !== null && inPersonMean !== null && inPersonMean > 0 ? round((onlineMean - inPersonMean) / inPersonMean, 4) : null,
          processing: {
            onlineDossiers: scope.online.n,
            inPersonDossiers: scope.inPerson.n,
            postDossiers: scope.post.n,
            onlineMeanWorkingDays: round(onlineMean, 2),
            inPersonMeanWorkingDays: round(inPersonMean, 2),
            postMeanWorkingDays: round(scope.post.value, 2),
            matchedDossiers: scope.matched,
          },
          satisfaction: {
            ratings: count(rated),
            satisfiedShare: share(rated - notSatisfied, rated),
            topTwoBoxShare: share(ratings[4]! + ratings[5]!, rated),
            byScore: { '1': count(ratings[1]!), '2': count(ratings[2]!), '3': count(ratings[3]!), '4': count(ratings[4]!), '5': count(ratings[5]!) },
          },
          sources: Object.fromEntries(
            SOURCE_KINDS.map((kind) => {
              const s = scope.sources[kind];
              return [kind, { answers: count(s?.answers ?? 0), availability: share(s?.ok ?? 0, s?.answers ?? 0), p95LatencyMs: ms(s?.latency.percentile(0.95) ?? null) }];
            }),
          ) as Record<SourceKind, SourceKpi>,
        };
      };
      const codes = [...scopes.keys()].sort();
      return {
        report: 1,
        settings: { notSatisfiedAtMost: o.notSatisfiedAtMost, windowEvents: o.windowEvents, percentileRelativeError: HISTOGRAM_RELATIVE_ERROR },
        input: { files: 0, lines: 0, badLines: 0, events: 0, accepted: 0, duplicates: 0, refused: 0, droppedInBrowsers: 0, processingRecords: 0, ...input },
        overall: metrics(overall),
        procedures: Object.fromEntries(codes.map((code) => [code, metrics(scopes.get(code)!)])),
      };
    },
  };
}

export interface KpiReportOptions extends KpiOptions {
  /** The back office's processing CSV (see `docs/kpi.md`), read before the events. */
  processing?: TelemetryInput;
  /** Told about each refused telemetry line or event. */
  onIssue?: (issue: IngestIssue) => void;
  /** Told about each bad processing row. */
  onProcessingIssue?: (issue: ProcessingIssue) => void;
}

/**
 * The plan's criteria per procedure and overall from NDJSON telemetry files and, optionally,
 * the back office's processing CSV. Streams: memory does not grow with the input.
 * @example
 * const report = await kpiReport([{ name: 'events.ndjson', chunks: createReadStream('events.ndjson') }], {
 *   processing: { name: 'records.csv', chunks: createReadStream('records.csv') },
 * })
 * report.procedures['1.004616'].timeToSubmit.under5MinShare
 */
export async function kpiReport(inputs: TelemetryInput | readonly TelemetryInput[], options: KpiReportOptions = {}): Promise<KpiReport> {
  const kpi = createKpiAggregator(options);
  let processingRecords = 0;
  if (options.processing)
    processingRecords = (await readProcessingCsv(options.processing, { onRecord: (r) => kpi.addProcessing(r), ...(options.onProcessingIssue ? { onIssue: options.onProcessingIssue } : {}) })).records;
  const ingest = createTelemetryIngest({ onEvent: (e) => kpi.add(e), windowEvents: options.windowEvents ?? DEFAULT_KPI_OPTIONS.windowEvents, ...(options.onIssue ? { onIssue: options.onIssue } : {}) });
  const stats = await ingestTelemetry(inputs, ingest);
  return kpi.report({ ...stats, processingRecords });
}
