import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleBatch, exampleEvents } from '../telemetry/example-events.js';
import { FIELD_PATH_PATTERN, type TelemetryEvent } from '../telemetry/event-schemas.js';
import { createTelemetryIngest, forEachLine, ingestTelemetry, type IngestIssue } from './ingest-telemetry.js';

async function ingest(text: string | Array<string | Uint8Array>, windowEvents?: number) {
  const events: TelemetryEvent[] = [];
  const issues: IngestIssue[] = [];
  const stats = await ingestTelemetry({ name: 'in.ndjson', chunks: typeof text === 'string' ? [text] : text }, {
    onEvent: (e) => events.push(e),
    onIssue: (i) => issues.push(i),
    ...(windowEvents ? { windowEvents } : {}),
  });
  return { events, issues, stats };
}
const lines = (...values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');

describe('ingestTelemetry', () => {
  it('names each malformed line by its number and keeps reading', async () => {
    const [opened] = exampleEvents();
    const { issues, stats, events } = await ingest(
      lines(
        opened,
        '{"v":1,"events":[',
        '[1,2]',
        { ...exampleBatch(), v: 2 },
        { ...exampleBatch(), region: 'north' },
        { resourceLogs: [] },
        '',
        { ...exampleBatch(), events: [...exampleBatch().events, { name: 'page:viewed' }] },
      ),
    );
    expect(issues.map((i) => [i.line, i.event, i.code, i.message])).toEqual([
      [2, undefined, 'not-json', 'not valid JSON'],
      [3, undefined, 'not-an-object', 'not a batch or an event (a JSON object)'],
      [4, undefined, 'unknown-version', 'unknown format version 2 (this ingest reads 1)'],
      [5, undefined, 'bad-batch', 'batch: property "region" is not in the schema'],
      [6, undefined, 'otlp', 'OTLP JSON is not read here; send the default JSON format to this collector'],
      [8, 12, 'unknown-event', 'not a known event "page:viewed"'],
    ]);
    expect(stats).toMatchObject({ files: 1, lines: 8, badLines: 5, refused: 1, accepted: 12, duplicates: 1 });
    expect(events).toHaveLength(12);
  });

  it('counts an event once however often it arrives, as a batch or alone', async () => {
    const batch = exampleBatch();
    const { events, stats } = await ingest(lines(batch, batch, batch.events[3], { ...batch, events: batch.events.slice(5, 8) }));
    expect(events.map((e) => e.id)).toEqual(batch.events.map((e) => e.id));
    expect(stats).toMatchObject({ events: 12 * 2 + 1 + 3, accepted: 12, duplicates: 12 + 1 + 3 });
  });

  it('refuses an event with a property its schema does not list, at any depth, and keeps the rest of its batch', async () => {
    const events = exampleEvents();
    const confirmed = events.find((e) => e.name === 'submit:confirmed')!;
    const bad = [
      { ...events[0], fullName: 'Nguyễn Văn An' },
      { ...confirmed, timing: { ...confirmed.timing, note: 'x' } },
      { ...events[1], sources: { population: { status: 'ok', latencyMs: 1, attributes: 1, value: '001203004567' } } },
    ];
    const { events: seen, issues } = await ingest(lines({ ...exampleBatch(), events: [...bad, events[2]] }));
    expect(seen.map((e) => e.id)).toEqual([events[2]!.id]);
    expect(issues.map((i) => [i.line, i.event, i.code, i.message])).toEqual([
      [1, 0, 'bad-event', 'form:opened: property "fullName" is not in the schema'],
      [1, 1, 'bad-event', 'submit:confirmed: timing: property "note" is not in the schema'],
      [1, 2, 'bad-event', 'prefill:resolved: sources.population: property "value" is not in the schema'],
    ]);
  });

  it('never quotes a value of the input in a message', async () => {
    const kept = exampleEvents().find((e) => e.name === 'field:kept')!;
    const failed = exampleEvents().find((e) => e.name === 'submit:failed')!;
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 3, maxLength: 30 }).filter((s) => /[^A-Za-z0-9_]/.test(s) && s.trim().length > 2 && !FIELD_PATH_PATTERN.test(s)), async (secret) => {
        const { issues } = await ingest(
          lines(
            { ...kept, field: secret },
            { ...failed, errors: { [secret]: 1 } },
            { ...kept, [secret]: 1 },
            { ...kept, name: secret },
            { ...exampleBatch(), [secret]: secret },
            { ...exampleBatch(), v: secret },
          ),
        );
        expect(issues).toHaveLength(6);
        for (const issue of issues) expect(issue.message).not.toContain(secret);
      }),
      { numRuns: 100 },
    );
  });

  it('forgets an id a whole window of accepted events later, and only then counts its duplicate again', async () => {
    const e = exampleEvents()[0]!;
    const other = (i: number) => ({ ...e, id: `Other${String(i).padStart(17, '0')}` });
    const within = await ingest(lines(e, other(1), other(2), e), 3);
    expect(within.stats).toMatchObject({ accepted: 3, duplicates: 1 });
    const beyond = await ingest(lines(e, other(1), other(2), other(3), e), 3);
    expect(beyond.stats).toMatchObject({ accepted: 5, duplicates: 0 });
    // Duplicates do not push the original out.
    const repeated = await ingest(lines(e, other(1), other(1), other(1), other(2), e), 3);
    expect(repeated.stats).toMatchObject({ accepted: 3, duplicates: 3 });
  });

  it('splits lines across chunks, multi-byte characters and CRLF included', async () => {
    const text = `${lines(exampleBatch())}\r\n${lines(exampleEvents()[0])}\r\n   \n`;
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const { stats, issues } = await ingest(chunks);
    expect(issues).toEqual([]);
    expect(stats).toMatchObject({ lines: 3, accepted: 12, duplicates: 1 });
    // "ễ" is three bytes: the chunk boundary falls inside it.
    const word = new TextEncoder().encode('"Nguyễn"\n');
    const vietnamese = await ingest([word.subarray(0, 6), word.subarray(6)]);
    expect(vietnamese.issues.map((i) => i.code)).toEqual(['not-an-object']);
  });

  it('keeps its window across calls to line()', () => {
    const seen: string[] = [];
    const ingest = createTelemetryIngest({ onEvent: (e) => seen.push(e.id) });
    const body = JSON.stringify(exampleBatch());
    ingest.line(body, 'collector', 1);
    ingest.line(body, 'collector', 2);
    expect(seen).toHaveLength(12);
    expect(ingest.stats).toMatchObject({ lines: 2, accepted: 12, duplicates: 12 });
    expect(() => createTelemetryIngest({} as never)).toThrow(/\[oncefill\]/);
    expect(() => createTelemetryIngest({ onEvent: () => {}, windowEvents: 0 })).toThrow(/windowEvents/);
  });

  it('sums the events browsers dropped before sending', async () => {
    const { stats } = await ingest(lines({ ...exampleBatch(), dropped: 3 }, { ...exampleBatch(), events: [], dropped: 2 }));
    expect(stats.droppedInBrowsers).toBe(5);
  });
});

describe('forEachLine', () => {
  /** What decoding the whole input at once and splitting it gives. */
  const model = (text: string) => {
    const parts = text.split('\n');
    const last = parts.pop()!;
    if (last !== '') parts.push(last);
    return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  };
  const read = async (chunks: Array<string | Uint8Array>) => {
    const out: string[] = [];
    await forEachLine(chunks, (line) => out.push(line));
    return out;
  };
  /** Cuts `length` units into pieces at the given points. */
  const cut = <T extends string | Uint8Array>(whole: T, points: number[]): T[] => {
    const at = [...new Set(points.map((p) => p % (whole.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((from, i) => whole.slice(from, at[i] ?? whole.length) as T);
  };

  it('gives the lines of the whole input decoded at once, however the bytes are cut', async () => {
    const piece = fc.constantFrom('a', '{"x":1}', 'ễ', '😀', '\n', '\r', '\r\n', '\uFEFF', ' ');
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    const raw = fc.uint8Array({ maxLength: 60 }).map((b) => b.map((x) => (x % 5 === 0 ? 10 : x % 7 === 0 ? 13 : x)));
    const bytes = fc.oneof(text.map((t) => new TextEncoder().encode(t)), raw, text.map((t) => new TextEncoder().encode(`\uFEFF${t}`)));
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 8 }), async (input, points) => {
        expect(await read(cut(input, points))).toEqual(model(new TextDecoder().decode(input)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the lines of text chunks the same way, a leading U+FEFF kept', async () => {
    const text = fc.array(fc.constantFrom('a', 'ễ', '\n', '\r', '\uFEFF'), { maxLength: 30 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (input, points) => {
        expect(await read(cut(input, points))).toEqual(model(input));
      }),
      { numRuns: 300 },
    );
  });
});
