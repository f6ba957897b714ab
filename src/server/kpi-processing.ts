/**
 * The back office's processing records: one CSV row per dossier, from receipt to result.
 *
 *   dossierRef,channel,receivedAt,resultAt,pausedDays[,procedure]
 *
 * `dossierRef` is the keyed hash the portal's server put in `submit:confirmed` (64 hex digits or
 * 43 base64url characters), `channel` one of `online | in-person | post`, the two instants ISO
 * 8601 (`2025-06-02T08:30:00+07:00`; without an offset they are Việt Nam time; a bare date is
 * that day), `pausedDays` the working days the dossier waited on the citizen (requests for more
 * documents), `procedure` optional (the procedure code; online rows without it take the
 * procedure of their `submit:confirmed`). A header row names the columns, in any order.
 */
import { PROCEDURE_CODE_PATTERN } from '../schema/format-constants.js';
import { DOSSIER_REF_PATTERN } from '../telemetry/wire-constants.js';
import { forEachLine, type TelemetryInput } from './ingest-telemetry.js';
import { workingDaysBetween } from './kpi-working-days.js';

export const PROCESSING_CHANNELS = ['online', 'in-person', 'post'] as const;
export type ProcessingChannel = (typeof PROCESSING_CHANNELS)[number];

/** One finished dossier, its processing time already in working days. */
export interface ProcessingRecord {
  dossierRef: string;
  channel: ProcessingChannel;
  /** Working days from receipt to result, paused days excluded (never below 0). */
  workingDays: number;
  procedure?: string;
}

export interface ProcessingIssue {
  file: string;
  line: number;
  message: string;
}

const REQUIRED = ['dossierRef', 'channel', 'receivedAt', 'resultAt', 'pausedDays'] as const;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of an ISO 8601 instant; no offset means Việt Nam time (UTC+7). `NaN` when malformed. */
export function parseVietnamInstant(text: string): number {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const check = new Date(local);
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return NaN;
  let offsetMin = 7 * 60;
  if (zone === 'Z') offsetMin = 0;
  else if (zone) offsetMin = (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2));
  return local - offsetMin * 60_000;
}

/** Splits one CSV row (RFC 4180 quotes; a quoted field cannot span lines here). */
export function splitCsvRow(row: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (row[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        const q = row.indexOf('"', i);
        if (q < 0) return undefined;
        cell += row.slice(i, q);
        if (row[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push(cell);
      if (i === row.length) return cells;
      if (row[i] !== ',') return undefined;
      i++;
    } else {
      const comma = row.indexOf(',', i);
      cells.push((comma < 0 ? row.slice(i) : row.slice(i, comma)).trim());
      if (comma < 0) return cells;
      i = comma + 1;
    }
  }
}

/**
 * Reads a processing CSV row by row: each finished dossier to `onRecord`, each bad row to
 * `onIssue` (with its line; no value of the row is quoted but the column name). Rows without a
 * result yet are skipped silently and counted.
 * @example
 * await readProcessingCsv({ name: 'records.csv', chunks: createReadStream('records.csv') }, {
 *   onRecord: (r) => aggregator.addProcessing(r),
 *   onIssue: (i) => console.error(`${i.file}:${i.line}: ${i.message}`),
 * })
 */
export async function readProcessingCsv(
  input: TelemetryInput,
  options: { onRecord: (record: ProcessingRecord) => void; onIssue?: (issue: ProcessingIssue) => void },
): Promise<{ rows: number; records: number; unfinished: number; badRows: number }> {
  const counts = { rows: 0, records: 0, unfinished: 0, badRows: 0 };
  let columns: Record<string, number> | undefined;
  let line = 0;
  const bad = (message: string) => {
    counts.badRows++;
    options.onIssue?.({ file: input.name, line, message });
  };
  let stopped = false;
  await forEachLine(input.chunks, (text) => {
    if (stopped) return;
    line++;
    if (text.trim() === '') return;
    const cells = splitCsvRow(line === 1 ? text.replace(/^\uFEFF/, '') : text);
    if (!cells) {
      bad('unbalanced quotes');
      return;
    }
    if (!columns) {
      columns = Object.fromEntries(cells.map((name, i) => [name, i]));
      const missing = REQUIRED.filter((name) => !(name in columns!));
      if (missing.length > 0) {
        options.onIssue?.({ file: input.name, line, message: `the header lacks ${missing.join(', ')} (expected ${REQUIRED.join(',')}[,procedure])` });
        counts.badRows++;
        stopped = true;
        return;
      }
      return;
    }
    counts.rows++;
    const cell = (name: string) => (columns![name] === undefined ? '' : (cells[columns![name]!] ?? ''));
    const dossierRef = cell('dossierRef');
    const channel = cell('channel') as ProcessingChannel;
    if (!DOSSIER_REF_PATTERN.test(dossierRef)) {
      bad('dossierRef: not a keyed hash (64 hex digits or 43 base64url characters)');
      return;
    }
    if (!PROCESSING_CHANNELS.includes(channel)) {
      bad(`channel: expected one of ${PROCESSING_CHANNELS.join(', ')}`);
      return;
    }
    const received = parseVietnamInstant(cell('receivedAt'));
    if (Number.isNaN(received)) {
      bad('receivedAt: not an ISO 8601 date or date-time');
      return;
    }
    if (cell('resultAt') === '') {
      counts.unfinished++;
      return;
    }
    const result = parseVietnamInstant(cell('resultAt'));
    if (Number.isNaN(result)) {
      bad('resultAt: not an ISO 8601 date or date-time');
      return;
    }
    if (result < received) {
      bad('resultAt: before receivedAt');
      return;
    }
    const pausedText = cell('pausedDays');
    const paused = pausedText === '' ? 0 : Number(pausedText);
    if (!(Number.isFinite(paused) && paused >= 0)) {
      bad('pausedDays: not a number of days ≥ 0');
      return;
    }
    const procedure = cell('procedure');
    if (procedure !== '' && !PROCEDURE_CODE_PATTERN.test(procedure)) {
      bad('procedure: not a procedure code (1.004616)');
      return;
    }
    let days: number;
    try {
      days = workingDaysBetween(received, result);
    } catch (error) {
      bad((error as Error).message.replace('[oncefill] ', ''));
      return;
    }
    counts.records++;
    options.onRecord({ dossierRef, channel, workingDays: Math.max(0, days - paused), ...(procedure ? { procedure } : {}) });
  });
  return counts;
}
