import { describe, expect, it } from 'vitest';
import { parseVietnamInstant, readProcessingCsv, splitCsvRow, type ProcessingRecord } from './kpi-processing.js';

const REF = 'ab'.repeat(32);
async function read(text: string) {
  const records: ProcessingRecord[] = [];
  const issues: string[] = [];
  const counts = await readProcessingCsv({ name: 'r.csv', chunks: [text] }, { onRecord: (r) => records.push(r), onIssue: (i) => issues.push(`${i.file}:${i.line}: ${i.message}`) });
  return { records, issues, counts };
}

describe('readProcessingCsv', () => {
  it('reads columns in any order, quoted cells, a BOM and an optional procedure', async () => {
    const { records, issues } = await read(`\uFEFFchannel,pausedDays,resultAt,receivedAt,dossierRef,procedure\r\n"online",0.5,2025-06-04,"2025-06-02 08:00",${REF},1.004616\n`);
    expect(issues).toEqual([]);
    expect(records).toEqual([{ dossierRef: REF, channel: 'online', workingDays: 1.5, procedure: '1.004616' }]);
  });

  it('names each bad row by line without quoting it, skips unfinished dossiers', async () => {
    const { records, issues, counts } = await read(
      [
        'dossierRef,channel,receivedAt,resultAt,pausedDays',
        `000.00.22.H56-250601-0001,online,2025-06-02,2025-06-04,0`,
        `${REF},counter,2025-06-02,2025-06-04,0`,
        `${REF},online,02/06/2025,2025-06-04,0`,
        `${REF},online,2025-06-04,2025-06-02,0`,
        `${REF},online,2025-06-02,2025-06-04,-1`,
        `${REF},online,2024-12-02,2025-01-04,0`,
        `${REF},online,2025-06-02,,0`,
        `"${REF},online,2025-06-02,2025-06-04,0`,
        `${REF},post,2025-06-02,2025-06-04,9`,
      ].join('\n'),
    );
    expect(issues).toEqual([
      'r.csv:2: dossierRef: not a keyed hash (64 hex digits or 43 base64url characters)',
      'r.csv:3: channel: expected one of online, in-person, post',
      'r.csv:4: receivedAt: not an ISO 8601 date or date-time',
      'r.csv:5: resultAt: before receivedAt',
      'r.csv:6: pausedDays: not a number of days ≥ 0',
      'r.csv:7: the holiday calendar covers 2025-01-01..2026-12-31; 2024-12-02 is outside it',
      'r.csv:9: unbalanced quotes',
    ]);
    expect(counts).toEqual({ rows: 8, records: 1, unfinished: 1, badRows: 7 });
    expect(records).toEqual([{ dossierRef: REF, channel: 'post', workingDays: 0 }]);
  });

  it('stops at a header that lacks a column', async () => {
    const { issues } = await read('dossierRef,channel,receivedAt\n');
    expect(issues).toEqual(['r.csv:1: the header lacks resultAt, pausedDays (expected dossierRef,channel,receivedAt,resultAt,pausedDays[,procedure])']);
  });
});

describe('parseVietnamInstant', () => {
  it('reads an offset, Z, or Việt Nam time when there is none', () => {
    expect(parseVietnamInstant('2025-06-02T08:00:00+07:00')).toBe(Date.UTC(2025, 5, 2, 1));
    expect(parseVietnamInstant('2025-06-02T08:00:00Z')).toBe(Date.UTC(2025, 5, 2, 8));
    expect(parseVietnamInstant('2025-06-02 08:00')).toBe(Date.UTC(2025, 5, 2, 1));
    expect(parseVietnamInstant('2025-06-02')).toBe(Date.UTC(2025, 5, 1, 17));
    expect(parseVietnamInstant('2025-06-02T08:00:00-0500')).toBe(Date.UTC(2025, 5, 2, 13));
    for (const bad of ['2025-02-30', '2025-13-01', '2025-06-02T24:00', '02/06/2025', '']) expect(parseVietnamInstant(bad)).toBeNaN();
  });

  it('splits quoted cells with doubled quotes', () => {
    expect(splitCsvRow('a,"b,""c""",d')).toEqual(['a', 'b,"c"', 'd']);
    expect(splitCsvRow('"a"x')).toBeUndefined();
  });
});
