/**
 * Writes synthetic telemetry as the demo sink stores it (one batch per line) for the KPI
 * benchmark: `total` events of which `duplicateShare` are re-sent batches (a beacon whose fate
 * the page never learned). Deterministic (seeded), valid against the closed schemas.
 *
 * 400 tabs are open at once, each filling forms one after another (a flow of 8–20 events over
 * the six catalogue procedures), so flows interleave as they do at a collector.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const PROCEDURES = ['1.000028', '1.004616', '1.005092', '2.000535', '2.000645', '2.000648'];
const FIELDS = ['fullName', 'birthDate', 'gender', 'personalId', 'permanentAddress', 'phone', 'email', 'issueDate', 'certificateNumber', 'enterpriseCode'];

/** mulberry32: a small seeded PRNG. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export async function generateEvents(file: string, total: number, duplicateShare = 0.1, seed = 1): Promise<{ lines: number; events: number; duplicates: number }> {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const id = () => {
    let s = '';
    for (let i = 0; i < 22; i++) s += ALPHABET[Math.floor(rnd() * 64)];
    return s;
  };
  const hex = () => {
    let s = '';
    for (let i = 0; i < 64; i++) s += '0123456789abcdef'[Math.floor(rnd() * 16)];
    return s;
  };
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };

  interface Tab {
    session: string;
    sampleRate: number;
    pending: object[];
    queue: object[];
    at: number;
    sequence: number;
  }
  const tabs: Tab[] = Array.from({ length: 400 }, () => ({ session: id(), sampleRate: rnd() < 0.2 ? 0.5 : 1, pending: [], queue: [], at: 1_748_740_000_000 + int(0, 3_600_000), sequence: 0 }));

  /** The events of one flow, in order. */
  const flow = (tab: Tab): object[] => {
    const procedure = { code: PROCEDURES[int(0, PROCEDURES.length - 1)]!, version: '2025.1' };
    const envelope = () => ({ id: id(), at: (tab.at += int(1_000, 40_000)), session: tab.session, flow: f, procedure, sampleRate: tab.sampleRate });
    const f = id();
    const filled = int(0, FIELDS.length);
    const events: object[] = [
      { ...envelope(), name: 'form:opened', anchor: 'server', authMs: int(5_000, 90_000) },
      {
        ...envelope(),
        name: 'prefill:resolved',
        latencyMs: int(200, 4_000),
        sources: {
          population: rnd() < 0.95 ? { status: 'ok', latencyMs: int(150, 3_000), attributes: int(1, 12) } : { status: 'timeout', latencyMs: 10_000, attributes: 0, error: 'timeout' },
          results: rnd() < 0.9 ? { status: 'ok', latencyMs: int(200, 5_000), attributes: int(0, 6) } : { status: 'error', latencyMs: int(50, 500), attributes: 0, error: 'server-error' },
        },
        fields: { filled, missing: FIELDS.length - filled },
      },
    ];
    for (let i = 0; i < filled; i++) events.push({ ...envelope(), name: rnd() < 0.85 ? 'field:kept' : 'field:edited', field: FIELDS[i]!, source: 'population' });
    if (rnd() < 0.3) events.push({ ...envelope(), name: 'component:reused', component: 'birthCertificate', source: 'results' });
    events.push({ ...envelope(), name: 'submit:attempted', attempt: 1 });
    if (rnd() < 0.15) {
      events.push({ ...envelope(), name: 'form:abandoned', reason: 'left', phase: 'submitting', sinceOpenMs: int(60_000, 1_800_000), activeMs: int(10_000, 600_000), attempts: 1 });
    } else {
      const totalMs = int(60_000, 900_000);
      events.push({
        ...envelope(),
        name: 'submit:confirmed',
        dossier: hex(),
        timing: {
          anchor: 'server', sequence: ++tab.sequence, totalMs, sinceOpenMs: totalMs - 20_000, monotonicMs: totalMs - 20_000, activeMs: Math.floor(totalMs * 0.6),
          fillingMs: totalMs - 40_000, fixingMs: 0, submitRoundTripMs: 5_000, attempts: 1, pages: 1, suspended: false, clockChanged: false,
        },
      });
    }
    if (rnd() < 0.4) events.push({ ...envelope(), name: 'satisfaction:rated', score: int(1, 5), after: 'confirmed' });
    return events;
  };

  let events = 0;
  let duplicates = 0;
  let lines = 0;
  // Re-sending a batch of n events adds n duplicates: resend with probability d / (1 − d) per unique event.
  const resend = duplicateShare / (1 - duplicateShare);
  while (events < total) {
    const tab = tabs[int(0, tabs.length - 1)]!;
    if (tab.pending.length === 0) tab.pending = flow(tab);
    const size = Math.min(tab.pending.length, int(3, 12), total - events);
    const batch = { v: 1, sdk: '0.1.0', sentAt: tab.at, events: tab.pending.splice(0, size) };
    const line = `${JSON.stringify(batch)}\n`;
    await write(line);
    lines++;
    events += size;
    if (events < total && rnd() < resend) {
      const again = Math.min(size, total - events);
      await write(again === size ? line : `${JSON.stringify({ ...batch, events: batch.events.slice(0, again) })}\n`);
      lines++;
      events += again;
      duplicates += again;
    }
  }
  out.end();
  await once(out, 'finish');
  return { lines, events, duplicates };
}
