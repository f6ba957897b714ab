/**
 * The report as one self-contained HTML page an operator reads without explanation: the
 * criteria per procedure against the plan's targets, and four charts drawn as inline SVG on
 * the server (no script, no external file, nothing a strict CSP would refuse but the inline
 * `<style>`). Vietnamese labels with English beside them.
 */
import { SOURCE_KINDS, type SourceKind } from '../schema/format-constants.js';
import { MINUTE_BINS, type KpiMetrics, type KpiReport } from './kpi-report.js';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Vietnamese number style: decimal comma. */
const dec = (value: number, digits = 1) => value.toFixed(digits).replace('.', ',');
const pct = (value: number | null) => (value === null ? '—' : `${dec(value * 100)} %`);
const minutes = (ms: number | null) => (ms === null ? '—' : `${dec(ms / 60_000)} phút`);
const num = (value: number) => (Number.isInteger(value) ? String(value) : dec(value));

/** Bilingual label: Vietnamese, English beside in a quieter style. */
const bi = (vi: string, en: string) => `${esc(vi)} <span class="en">${esc(en)}</span>`;

const SOURCE_LABELS: Record<SourceKind, [string, string]> = {
  population: ['CSDL quốc gia về dân cư', 'population database'],
  results: ['Kho kết quả TTHC số hóa', 'digitized results'],
  personal: ['Kho dữ liệu cá nhân', 'personal data store'],
  business: ['CSDL đăng ký doanh nghiệp', 'business registry'],
};

/** The plan's targets (Hải Phòng 2025 plan under QĐ 1565/QĐ-TTg): 2025, then 2026. */
const TARGETS = { minutes: [8, 5], processing: [-0.2, -0.3], satisfied: [0.9, 0.95] } as const;

/** ✓ / ✗ against the 2026 target, in words as well as colour. */
function verdict(ok: boolean | null): string {
  if (ok === null) return '';
  return ok ? '<span class="v ok">✓ đạt <span class="en">met</span></span>' : '<span class="v ko">✗ chưa đạt <span class="en">not met</span></span>';
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#fff}
body{margin:0 auto;max-width:72rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.en{color:#5b6470;font-weight:normal;font-size:.85em}
.lead{color:#3d4550;margin:0 0 1rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{border-bottom:1px solid #d8dde3;padding:.4rem .5rem;text-align:right;vertical-align:top}
td{white-space:nowrap}
.v{display:block;font-size:.8rem}
th:first-child,td:first-child{text-align:left}
thead th{background:#f3f5f7;font-size:.85rem}
.ok{color:#13652b;font-weight:600}.ko{color:#a3161b;font-weight:600}.na{color:#5b6470}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(34rem,1fr));gap:1.5rem}
figure{margin:0;border:1px solid #d8dde3;border-radius:.5rem;padding:1rem}
figcaption{font-weight:600;margin-bottom:.5rem}
svg{max-width:100%;height:auto;font-size:12px}
svg text{fill:#1b1f24}
.note{font-size:.85rem;color:#3d4550}
`;

function timeChart(m: KpiMetrics): string {
  const counts = m.timeToSubmit.byMinute;
  const max = Math.max(1, ...counts);
  const left = 40;
  const width = 480;
  const bar = (width - left) / MINUTE_BINS;
  const height = 200;
  const x = (minute: number) => left + minute * bar;
  const bars = counts
    .map((c, i) => {
      const h = (c / max) * (height - 40);
      const label = i === MINUTE_BINS - 1 ? `≥ ${i} phút` : `${i}–${i + 1} phút`;
      return `<rect data-minute="${i}" data-value="${c}" x="${x(i) + 1}" y="${height - h}" width="${bar - 2}" height="${h}" fill="${i < 5 ? '#2f7d4a' : i < 8 ? '#c98a12' : '#b3362d'}"><title>${label}: ${num(c)}</title></rect>`;
    })
    .join('');
  const ticks = [0, 5, 8, 10, 15].map((t) => `<text x="${x(t)}" y="${height + 14}" text-anchor="middle">${t}${t === 15 ? '+' : ''}</text>`).join('');
  const limit = (minute: number, text: string, y: number) =>
    `<line data-limit="${minute}" x1="${x(minute)}" x2="${x(minute)}" y1="${y - 10}" y2="${height}" stroke="#1b1f24" stroke-width="2" stroke-dasharray="5 3"/><text x="${x(minute) + 4}" y="${y}">${esc(text)}</text>`;
  return `<figure data-chart="time-to-submit"><figcaption>${bi('Phân bố thời gian từ đăng nhập đến nộp thành công', 'time from login to confirmed submission')}</figcaption>
<svg width="${width + 10}" height="${height + 34}" viewBox="0 0 ${width + 10} ${height + 34}" role="img" aria-label="Số hồ sơ theo phút; vạch 5 phút (mục tiêu 2026) và 8 phút (mục tiêu 2025)">
<line x1="${left}" x2="${width}" y1="${height}" y2="${height}" stroke="#8a939e"/>${bars}${ticks}
${limit(5, '5 phút (mục tiêu 2026)', 14)}${limit(8, '8 phút (mục tiêu 2025)', 30)}
<text x="${left}" y="${height + 30}">${esc('phút / minutes')}</text><text x="${left - 4}" y="${height - (height - 40) + 4}" text-anchor="end">${num(max)}</text><text x="${left - 4}" y="${height}" text-anchor="end">0</text></svg>
<p class="note">${bi(`Trung vị ${minutes(m.timeToSubmit.medianMs)}, trung bình ${minutes(m.timeToSubmit.meanMs)}, ${pct(m.timeToSubmit.under5MinShare)} dưới 5 phút.`, `median, mean, share under 5 min; ${num(m.timeToSubmit.measured)} submissions measured`)}</p></figure>`;
}

/** Horizontal bars of shares (0–100 %), one group per row. */
function shareBars(chart: string, title: string, rows: Array<{ key: string; label: string; bars: Array<{ name: string; value: number | null; color: string; attr: string }> }>, lines: Array<[number, string]> = [], legend = ''): string {
  const left = 175;
  const width = 480;
  const barH = 14;
  const rowH = rows[0] ? rows[0].bars.length * (barH + 2) + 12 : 20;
  const height = Math.max(30, rows.length * rowH + 10);
  const scale = (v: number) => left + v * (width - left);
  const body = rows
    .map((row, r) => {
      const y0 = 6 + r * rowH;
      const bars = row.bars
        .map((b, i) => {
          const y = y0 + i * (barH + 2);
          const v = b.value ?? 0;
          return `<rect ${b.attr} data-value="${b.value === null ? '' : b.value}" x="${left}" y="${y}" width="${Math.max(0, scale(v) - left)}" height="${barH}" fill="${b.color}"><title>${esc(b.name)}: ${pct(b.value)}</title></rect><text x="${scale(v) + 4}" y="${y + barH - 3}">${pct(b.value)}</text>`;
        })
        .join('');
      return `<text x="0" y="${y0 + barH - 2}">${esc(row.label)}</text>${bars}`;
    })
    .join('');
  const marks = lines
    .map(([v, text], i) => `<line data-target="${v}" x1="${scale(v)}" x2="${scale(v)}" y1="0" y2="${height + 4 + i * 14}" stroke="#1b1f24" stroke-dasharray="4 3"/><text x="${scale(v) - 3}" y="${height + 14 + i * 14}" text-anchor="end">${esc(text)}</text>`)
    .join('');
  const h = height + 6 + lines.length * 14;
  return `<figure data-chart="${chart}"><figcaption>${title}</figcaption><svg width="${width + 60}" height="${h}" viewBox="0 0 ${width + 60} ${h}" role="img" aria-label="${esc(title.replace(/<[^>]+>/g, ''))}">${body}${marks}</svg>${legend}</figure>`;
}

const swatch = (color: string, label: string) => `<span style="display:inline-block;width:.8em;height:.8em;background:${color};margin:0 .3em 0 .8em"></span>${label}`;

function reuseChart(report: KpiReport): string {
  const rows = Object.entries(report.procedures).map(([code, m]) => ({
    key: code,
    label: code,
    bars: [
      { name: 'điền sẵn / prefilled', value: m.prefillShare, color: '#2a6fb0', attr: `data-procedure="${esc(code)}" data-key="prefillShare"` },
      { name: 'giữ nguyên / kept', value: m.fieldsReusedShare, color: '#7fb2e0', attr: `data-procedure="${esc(code)}" data-key="fieldsReusedShare"` },
    ],
  }));
  const legend = `<p class="note">${swatch('#2a6fb0', bi('hồ sơ có trường được điền sẵn', 'submissions prefilled'))}${swatch('#7fb2e0', bi('trường giữ nguyên giá trị điền sẵn', 'prefilled fields kept'))}</p>`;
  return shareBars('reuse', bi('Tái sử dụng dữ liệu theo thủ tục', 'data reuse per procedure'), rows, [], legend);
}

function satisfactionChart(report: KpiReport): string {
  const o = report.overall.satisfaction;
  const rows = [['overall', 'Tất cả / all', o] as const, ...Object.entries(report.procedures).map(([code, m]) => [code, code, m.satisfaction] as const)].map(([key, label, s]) => ({
    key,
    label,
    bars: [{ name: 'hài lòng / satisfied', value: s.satisfiedShare, color: '#2f7d4a', attr: `data-scope="${esc(key)}" data-key="satisfiedShare"` }],
  }));
  const scores = (['1', '2', '3', '4', '5'] as const).map((k) => `${k}★ ${num(o.byScore[k])}`).join(' · ');
  const legend = `<p class="note">${bi(`Điểm 1–5 (tất cả): ${scores}. Không hài lòng: điểm ≤ ${report.settings.notSatisfiedAtMost}. Rất hài lòng + hài lòng (4–5): ${pct(o.topTwoBoxShare)}.`, 'QĐ 766: everyone but "not satisfied" counts as satisfied')}</p>`;
  return shareBars('satisfaction', bi('Tỷ lệ hài lòng (QĐ 766/QĐ-TTg)', 'satisfied share'), rows, [[0.9, '90 % (2025)'], [0.95, '95 % (2026)']], legend);
}

function sourcesChart(m: KpiMetrics): string {
  const rows = SOURCE_KINDS.map((kind) => ({
    key: kind,
    label: SOURCE_LABELS[kind][0],
    bars: [{ name: SOURCE_LABELS[kind][1], value: m.sources[kind].availability, color: '#5a4fa3', attr: `data-source="${kind}" data-key="availability"` }],
  }));
  const latency = SOURCE_KINDS.map((kind) => `${esc(SOURCE_LABELS[kind][0])}: p95 ${m.sources[kind].p95LatencyMs === null ? '—' : `${num(m.sources[kind].p95LatencyMs!)} ms`}`).join(' · ');
  return shareBars('sources', bi('Nguồn dữ liệu sẵn sàng (trả lời thành công / số lần hỏi)', 'source availability'), rows, [], `<p class="note">${latency}</p>`);
}

function row(label: string, m: KpiMetrics): string {
  const t = m.timeToSubmit;
  const change = m.processingTimeChange;
  return `<tr data-scope="${esc(label)}"><td>${esc(label)}</td><td>${num(m.submissions)}</td><td>${pct(m.prefillShare)}</td><td>${pct(m.fieldsReusedShare)}</td><td>${num(m.documentsReused)}</td>
<td>${minutes(t.meanMs)}${verdict(t.meanMs === null ? null : t.meanMs < TARGETS.minutes[1] * 60_000)}</td><td>${minutes(t.medianMs)} / ${minutes(t.p90Ms)}</td><td>${pct(t.under5MinShare)}</td><td>${minutes(t.active.meanMs)}</td>
<td>${change === null ? '—' : `${change > 0 ? '+' : ''}${dec(change * 100)} %`}${verdict(change === null ? null : change <= TARGETS.processing[1])}</td>
<td>${pct(m.satisfaction.satisfiedShare)} (${num(m.satisfaction.ratings)})${verdict(m.satisfaction.satisfiedShare === null ? null : m.satisfaction.satisfiedShare >= TARGETS.satisfied[1])}</td><td>${num(m.abandoned)}</td></tr>`;
}

/**
 * One self-contained HTML page of the report: a table of the criteria per procedure against
 * the 2026 targets, and charts of the time to submit (with the 5- and 8-minute lines), reuse
 * per procedure, satisfaction and source availability. No script; inline SVG only.
 * @example
 * writeFileSync('kpi.html', renderKpiHtml(await kpiReport(inputs)))
 */
export function renderKpiHtml(report: KpiReport): string {
  const i = report.input;
  const head = `<tr><th>${bi('Thủ tục', 'procedure')}</th><th>${bi('Hồ sơ nộp thành công', 'submissions')}</th><th>${bi('Được điền sẵn', 'prefilled')}</th><th>${bi('Trường giữ nguyên', 'fields kept')}</th><th>${bi('Giấy tờ tái sử dụng', 'documents reused')}</th><th>${bi('Thời gian trung bình (< 5 phút)', 'mean time to submit')}</th><th>${bi('Trung vị / p90', 'median / p90')}</th><th>${bi('Dưới 5 phút', 'under 5 min')}</th><th>${bi('Thời gian thao tác', 'active time')}</th><th>${bi('Thời gian giải quyết trực tuyến so với trực tiếp (≤ −30 %)', 'processing time, online vs in person')}</th><th>${bi('Hài lòng (≥ 95 %)', 'satisfied')}</th><th>${bi('Bỏ dở', 'abandoned')}</th></tr>`;
  const rows = [row('Tất cả / all', report.overall), ...Object.entries(report.procedures).map(([code, m]) => row(code, m))].join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Chỉ số dịch vụ công trực tuyến — oncefill</title><style>${STYLE}</style></head>
<body>
<h1>${bi('Chỉ số dịch vụ công trực tuyến', 'online public service indicators')}</h1>
<p class="lead">${bi(`Từ ${i.accepted} sự kiện (${i.duplicates} bản trùng bỏ qua, ${i.refused + i.badLines} dòng/sự kiện không hợp lệ) và ${i.processingRecords} hồ sơ của bộ phận một cửa. Số đếm đã nhân trọng số lấy mẫu.`, 'counts are weighted by the sampling rate; formulas in docs/kpi.md')}</p>
<h2>${bi('Theo thủ tục, so với mục tiêu năm 2026', 'per procedure, against the 2026 targets')}</h2>
<div class="scroll"><table><thead>${head}</thead><tbody>
${rows}
</tbody></table></div>
<h2>${bi('Biểu đồ', 'charts')}</h2>
<div class="charts">
${timeChart(report.overall)}
${reuseChart(report)}
${satisfactionChart(report)}
${sourcesChart(report.overall)}
</div>
<p class="note">${bi(`Phân vị đọc từ biểu đồ tần suất cố định, sai số tối đa ${dec(report.settings.percentileRelativeError * 100, 2)} %.`, 'percentiles from a fixed histogram')}</p>
</body></html>
`;
}
