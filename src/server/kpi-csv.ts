import type { KpiMetrics, KpiReport } from './kpi-report.js';

/** `a.b.c` → value for every leaf of a metrics object; arrays become `key.0`, `key.1`… */
function flatten(value: unknown, prefix: string, out: Array<[string, unknown]>): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else out.push([prefix, value]);
  return out;
}

/**
 * The report as CSV: a header, then one row for all procedures (`scope` = `overall`) and one per
 * procedure code. Columns are the JSON keys joined by dots; `null` is an empty cell.
 * @example
 * writeFileSync('kpi.csv', renderKpiCsv(await kpiReport(inputs)))
 */
export function renderKpiCsv(report: KpiReport): string {
  const rows: Array<[string, KpiMetrics]> = [['overall', report.overall], ...Object.entries(report.procedures)];
  const header = flatten(report.overall, '', []).map(([key]) => key);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = [['scope', ...header].join(',')];
  for (const [scope, metrics] of rows) {
    const values = new Map(flatten(metrics, '', []));
    lines.push([scope, ...header.map((key) => cell(values.get(key)))].join(','));
  }
  return `${lines.join('\n')}\n`;
}
