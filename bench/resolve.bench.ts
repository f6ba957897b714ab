/**
 * Resolve overhead (issue 5, DESIGN budgets): how much later than its slowest source
 * `resolvePrefill` finishes, and how much later than its fastest source the first partial
 * result arrives. Sources answer through a stub `fetch` with set latencies (not msw, so only
 * oncefill's own work is measured), beside a baseline that awaits the same stub fetches with
 * no oncefill at all. Grows from 10 to 1,000 fields and from 1 to 4 sources.
 *
 *   npm run build && npm run bench -- resolve
 */
import { clearPrefillCache, createGatewaySources, parseProcedure, resolvePrefill } from '../dist/index.js';

const LATENCY_MS = { population: 40, results: 70, personal: 55, business: 90 } as const;
type SourceId = keyof typeof LATENCY_MS;
const ORDER: SourceId[] = ['population', 'personal', 'results', 'business'];
const ATTRIBUTE: Record<SourceId, { attribute: string; type: string; value: unknown }> = {
  population: { attribute: 'fullName', type: 'text', value: { family: 'NGUYỄN', middle: 'VĂN', given: 'AN' } },
  personal: { attribute: 'email', type: 'email', value: 'an@example.vn' },
  results: { attribute: 'diploma.title', type: 'text', value: [{ type: 'diploma', number: 'B1', title: 'Dược sĩ' }] },
  business: { attribute: 'name', type: 'text', value: 'CÔNG TY TNHH AN PHÚ' },
};

const cite = { document: 'bench', tag: 'V' };
function definition(fields: number, sources: SourceId[]) {
  return parseProcedure({
    format: 1, code: '1.004616', version: '2026.1', status: 'verified', title: { vi: 'bench' }, agency: { vi: 'bench' }, applicant: 'either', source: cite,
    fields: Array.from({ length: fields }, (_, i) => {
      const source = sources[i % sources.length]!;
      const { attribute, type } = ATTRIBUTE[source];
      return { id: `f${i}`, type, label: { vi: `Trường ${i}` }, status: 'verified', source: cite, prefill: { from: [{ source, attribute }] } };
    }),
  });
}

/** A fetch that answers each source after its latency, as a gateway would. */
function stubFetch(): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const source = new URL(request.url).pathname.split('/').pop() as SourceId;
    const body = (await request.json()) as { attributes: string[] };
    const attributes = Object.fromEntries(body.attributes.map((a) => [a, { value: ATTRIBUTE[source].value, verification: 'verified' }]));
    await new Promise((r) => setTimeout(r, LATENCY_MS[source]));
    return new Response(JSON.stringify({ protocol: 1, source, fingerprint: 'bench', attributes }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(fields: number, count: number, rounds = 15) {
  const sources = ORDER.slice(0, count);
  const procedure = definition(fields, sources);
  const slowest = Math.max(...sources.map((s) => LATENCY_MS[s]));
  const fastest = Math.min(...sources.map((s) => LATENCY_MS[s]));
  const overhead: number[] = [];
  const first: number[] = [];
  const baseline: number[] = [];
  const baselineFirst: number[] = [];
  for (let round = 0; round < rounds + 2; round++) {
    clearPrefillCache();
    const fetch = stubFetch();
    // Baseline: the same stub answers, awaited and parsed, without oncefill.
    let t0 = performance.now();
    let firstAt = 0;
    await Promise.all(
      sources.map((s) =>
        fetch(`https://gw.example/${s}`, { method: 'POST', body: JSON.stringify({ attributes: [ATTRIBUTE[s].attribute.split('.')[0]] }) })
          .then((r) => r.json())
          .then(() => (firstAt ||= performance.now())),
      ),
    );
    const baseTotal = performance.now() - t0;
    const baseFirst = firstAt - t0;

    t0 = performance.now();
    let updateAt = 0;
    await resolvePrefill(procedure, {
      sources: createGatewaySources({ baseUrl: 'https://gw.example', fetch, retries: 0 }),
      cache: false,
      onUpdate: () => (updateAt ||= performance.now()),
    });
    const total = performance.now() - t0;
    if (round < 2) continue; // warm-up
    baseline.push(baseTotal - slowest);
    baselineFirst.push(baseFirst - fastest);
    overhead.push(total - slowest);
    first.push(updateAt - t0 - fastest);
  }
  return { base: median(baseline), overhead: median(overhead), baseFirst: median(baselineFirst), first: median(first) };
}

console.log('Latencies (ms):', JSON.stringify(LATENCY_MS), '— median of 15 rounds, ms past the slowest / fastest source\n');
console.log('| fields | sources | baseline past slowest | resolve past slowest | **resolve overhead** | baseline past fastest | first update past fastest | **first-update overhead** |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const fields of [10, 100, 1000])
  for (const count of [1, 2, 4]) {
    const m = await measure(fields, count);
    const f = (x: number) => x.toFixed(2);
    console.log(`| ${fields} | ${count} | ${f(m.base)} | ${f(m.overhead)} | **${f(m.overhead - m.base)}** | ${f(m.baseFirst)} | ${f(m.first)} | **${f(m.first - m.baseFirst)}** |`);
  }
console.log('\nBudget: ≤ 5 ms for each overhead (DESIGN.md).');
