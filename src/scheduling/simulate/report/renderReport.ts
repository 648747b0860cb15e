import { KPI_NAMES, type KpiName } from '../kpis.js';
import type { SimulationReportData } from './buildReport.js';
import { waitHistogram } from './histogram.js';
import { policyChart } from './policyChart.js';
import { escapeXml } from './svg.js';
import { providerTimeline } from './timeline.js';

const KPI_TITLES: Record<KpiName, string> = {
  waitMean: 'Mean wait (min)',
  waitP90: '90th-percentile wait (min)',
  waitTotal: 'Total wait (min)',
  idle: 'Provider idle time (min)',
  overtime: 'Overtime (min)',
  utilisation: 'Utilisation',
  seen: 'Patients seen',
};

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:780px;color:#1d2733}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:4px 8px;border-bottom:1px solid #e3e6ea;text-align:right}th:first-child,td:first-child{text-align:left}
.note{color:#5b6672;font-size:13px}svg{display:block;margin:8px 0}`;

function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function kpiTable(data: SimulationReportData): string {
  const rows = KPI_NAMES.map((name) => {
    const s = data.result.kpis[name];
    return `<tr><td>${KPI_TITLES[name]}</td><td>${fixed(s.mean)}</td><td>${fixed(s.standardError, 3)}</td><td>${fixed(s.ci95[0])} – ${fixed(s.ci95[1])}</td><td>${fixed(s.percentiles[50] ?? Number.NaN)}</td><td>${fixed(s.percentiles[90] ?? Number.NaN)}</td></tr>`;
  }).join('');
  const seen = data.result.kpis.waitMean.n;
  const note = seen === data.result.replications ? '' : `<p class="note">Mean and 90th-percentile wait are per patient seen, so they cover only the ${seen.toLocaleString('en-US')} sessions in which someone was seen.</p>`;
  return `<table><thead><tr><th>KPI per session</th><th>mean</th><th>std. error</th><th>95% CI</th><th>median</th><th>90th pct</th></tr></thead><tbody>${rows}</tbody></table>${note}`;
}

function policyTable(data: SimulationReportData): string {
  const rows = data.policies
    .map((p) => `<tr><td>${escapeXml(p.name)}</td><td>${fixed(p.waitMean)}</td><td>${fixed(p.idle)}</td><td>${fixed(p.overtime)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>policy</th><th>mean wait</th><th>idle</th><th>overtime</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Renders a self-contained HTML report (inline CSS and SVG, no scripts or external files): the KPI
 * table with confidence intervals, the waiting-time distribution, one replication's provider
 * timeline and the policies compared.
 *
 * @param data - from {@link buildSimulationReport}
 * @returns the HTML document
 * @example
 * ```ts
 * await writeFile('report.html', renderSimulationReport(data));
 * ```
 */
export function renderSimulationReport(data: SimulationReportData): string {
  const { scenario, result } = data;
  const providers = scenario.providers;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic session simulation</title><style>${STYLE}</style></head><body>
<h1>Clinic session simulation</h1>
<p class="note">${result.replications.toLocaleString('en-US')} replications, seed ${escapeXml(String(result.seed))}, ${escapeXml(result.engine)} engine; ${providers} provider(s), ${scenario.rooms ?? providers} room(s), session ${scenario.sessionMinutes} min.</p>
<h2>Key figures</h2>${kpiTable(data)}
<h2>Waiting-time distribution</h2><p class="note">Every patient seen in the first ${Math.min(result.replications, 1000)} replications (${data.waits.length.toLocaleString('en-US')} patients).</p>${waitHistogram(data.waits)}
<h2>One session, provider by provider</h2><p class="note">Replication 0; the dashed line is the planned end.</p>${providerTimeline(data.visits, providers, scenario.sessionMinutes, data.classNames)}
<h2>Policies compared</h2><p class="note">The same patients booked by other rules, on the same random numbers (mean minutes per session; wait per patient).</p>${policyChart(data.policies)}${policyTable(data)}
</body></html>
`;
}
