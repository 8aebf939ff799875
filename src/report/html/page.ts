import { protocolOption, tacticLabel, timelineOption, trafficOption } from '../charts.js';
import { formatDuration, formatTime } from '../format.js';
import type { ReportData } from '../model.js';
import { ROLE_COLORS, SEVERITY_COLORS } from '../palette.js';
import { pageAssets, type PageAssets } from './assets.js';
import { contentSecurityPolicy, inlineJson, inlineScript } from './inline.js';
import { planSection, custodySection } from './plan-section.js';
import { html, raw, type SafeHtml } from './safe-html.js';
import { intelSection, linksTable, patternsSection, phasesTable, summarySection, topTable } from './sections.js';

/** The report's sections: anchor, heading. */
const SECTIONS: Array<[string, string]> = [
  ['summary', 'Summary'], ['timeline', 'Attack chain and timeline'], ['anomalies', 'Anomalies'], ['patterns', 'Attack patterns and weaknesses'],
  ['traffic', 'Traffic before, during and after'], ['tops', 'Top talkers, ports and names'], ['map', 'Network map'],
  ['intel', 'Threat-intel matches'], ['mitigations', 'Mitigations'], ['custody', 'Appendix: chain of custody'],
];

function section(index: number, body: SafeHtml, intro = ''): SafeHtml {
  const [id, title] = SECTIONS[index];
  return html`<section id="${id}"><h2><span class="num">${index + 1}</span> ${title}</h2>${intro ? html`<p class="intro">${intro}</p>` : ''}${body}</section>`;
}

/**
 * Cytoscape adds this stylesheet at run time unless an element with its id exists;
 * shipping it (allowed by hash) keeps the page within its style policy.
 */
const CYTOSCAPE_STYLE_ID = '__________cytoscape_stylesheet';
const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';

/** What the page script reads: the data it draws (the rest of the page is static), the chart options and the colours. */
export function pageView(d: ReportData): Record<string, unknown> {
  return {
    report: { incidents: d.incidents, anomalies: d.anomalies, map: d.map },
    charts: {
      timeline: timelineOption(d.incidents), bytes: trafficOption(d.traffic, 'bytes'), packets: trafficOption(d.traffic, 'packets'),
      connections: trafficOption(d.traffic, 'connections'), protocols: protocolOption(d.tops),
    },
    colors: { severity: SEVERITY_COLORS, role: ROLE_COLORS },
    tacticLabels: Object.fromEntries(d.incidents.flatMap((i) => i.timeline.map((e) => [e.tactic, tacticLabel(e.tactic)]))),
  };
}

/** Section 2's introduction, saying what the caps left out. */
function timelineIntro(d: ReportData): string {
  const omitted = d.incidents.reduce((n, i) => n + i.timelineOmitted, 0);
  let text = 'Every event of every incident, by time and ATT&CK tactic. Choose a host or a tactic to narrow both the chart and the list.';
  if (d.summary.incidents > d.incidents.length) text += ` The ${d.incidents.length} most severe of ${d.summary.incidents.toLocaleString('en-US')} incidents are shown.`;
  if (omitted > 0) text += ` ${omitted.toLocaleString('en-US')} lower-severity event(s) are left out to keep the report small ("tracer analyze" writes them all to analysis.json).`;
  return text;
}

function body(d: ReportData): SafeHtml {
  const s = d.summary;
  const window = s.window ? `${formatTime(s.window.start)} – ${formatTime(s.window.end)} UTC (${formatDuration(s.window.end - s.window.start)})` : 'no incident found';
  const bucket = formatDuration(d.traffic.bucketSeconds);
  return html`<header class="top-bar"><div class="wrap">
  <div class="eyebrow">Tracer incident report · confidential</div>
  <h1>${d.title}</h1>
  <div class="meta"><span class="badge sev-${s.severity}">${s.severity}</span> <span>${window}</span> <span class="muted">written ${d.custody.generatedAt}</span></div>
</div></header>
<nav class="toc wrap" aria-label="Sections">${SECTIONS.map(([id, title], i) => html`<a href="#${id}">${i + 1}. ${title}</a>`)}</nav>
<main class="wrap">
${section(0, summarySection(d))}
${section(1, raw(`<div class="filters" id="timeline-filters"></div><div class="chart tall" id="chart-timeline" role="img" aria-label="Attack timeline"></div><div id="timeline-table"></div><div class="pager" id="timeline-pager"></div>`), timelineIntro(d))}
${section(2, raw('<div class="filters" id="anomaly-filters"></div><div id="anomaly-table"></div><div class="pager" id="anomaly-pager"></div>'), `All ${d.anomalies.total.toLocaleString('en-US')} alert(s), most severe first${d.anomalies.total > d.anomalies.rows.length ? ` (the ${d.anomalies.rows.length.toLocaleString('en-US')} most severe are listed; all are in "tracer alerts")` : ''}. Click a column to sort, a row for its evidence.`)}
${section(3, patternsSection(d))}
${section(4, html`${phasesTable(d)}<div class="chart" id="chart-bytes" role="img" aria-label="Bytes over time"></div><div class="chart" id="chart-packets" role="img" aria-label="Packets over time"></div><div class="chart" id="chart-connections" role="img" aria-label="Connections over time"></div>`, `Per protocol, in ${bucket} buckets; each connection counts when it started. The intrusion window is shaded red.`)}
${section(5, html`<div class="chart short" id="chart-protocols" role="img" aria-label="Protocol mix"></div><div class="tops">${d.tops.map(topTable)}</div>`)}
${section(6, html`<div class="legend" id="map-legend"></div><div class="graph" id="graph" role="img" aria-label="Network map"></div><div id="graph-info" class="graph-info muted">Click a host for details; scroll to zoom, drag to pan.</div>${linksTable(d)}`)}
${section(7, intelSection(d))}
${section(8, planSection(d), 'For what was actually seen, along the whole path: rules ready to paste at each enforcement point, hardening for the weaknesses exploited, and how to check each control works.')}
${section(9, custodySection(d))}
</main>
<footer class="wrap muted">Generated by Tracer ${d.custody.reportVersion}. Every value taken from traffic or logs is shown as text, never as markup.</footer>`;
}

/**
 * report.html: one self-contained file (inline CSS, ECharts, Cytoscape, the page
 * script and the data) that opens from disk with no network access, under a
 * Content-Security-Policy allowing only those inline scripts and styles by hash.
 */
export function renderHtml(d: ReportData, assets: PageAssets = pageAssets()): string {
  const scripts = [assets.echarts, assets.cytoscape, assets.script].map(inlineScript);
  const csp = contentSecurityPolicy(scripts, [assets.css, CYTOSCAPE_STYLE]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html`${d.title}`}</title>
<style>${assets.css}</style>
<style id="${CYTOSCAPE_STYLE_ID}">${CYTOSCAPE_STYLE}</style>
</head><body>
${body(d)}
<script type="application/json" id="report-data">${inlineJson(pageView(d))}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body></html>
`;
}
