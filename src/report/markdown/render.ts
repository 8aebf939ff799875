import { tacticLabel } from '../charts.js';
import { formatBytes, formatCell, formatCount, formatDuration, formatTime } from '../format.js';
import { TARGET_NAMES } from '../html/plan-section.js';
import type { ReportData } from '../model.js';
import type { SvgChart } from '../svg.js';
import { codeBlock, escapeMarkdown as md, mdTable } from './escape.js';

/** Most anomaly rows report.md lists (the HTML page pages through more). */
const MD_ANOMALIES = 200;

function chartLink(charts: SvgChart[], file: string): string {
  const c = charts.find((x) => x.file === file);
  return c ? `![${md(c.title)}](charts/${c.file})\n` : '';
}

function hostList(list: string[]): string {
  return list.length === 0 ? 'none' : list.map(md).join(', ');
}

function summary(d: ReportData): string {
  const s = d.summary;
  const window = s.window ? `${formatTime(s.window.start)} – ${formatTime(s.window.end)} UTC (${formatDuration(s.window.end - s.window.start)})` : 'no incident';
  return [`## 1. Summary`, '', md(s.headline), '',
    `- **Severity:** ${s.severity}`, `- **Time window:** ${window}`, `- **Attackers:** ${hostList(s.attackers)}`,
    `- **Victims:** ${hostList(s.victims)}`, ...(s.pivots.length > 0 ? [`- **Used to attack others:** ${hostList(s.pivots)}`] : []), `- **Command and control:** ${hostList(s.c2)}`,
    `- **Compromised:** ${s.compromised.length === 0 ? 'none shown' : s.compromised.map((c) => `${md(c.host)} (confidence ${Math.round(c.score * 100)}%: ${md(c.reasons.join('; '))})`).join('; ')}`,
    `- **Alerts:** ${Object.entries(s.alertCounts).reverse().map(([k, n]) => `${k} ${formatCount(n)}`).join(', ')}`,
    `- **Traffic examined:** ${formatCount(d.traffic.totals.connections)} connections, ${formatBytes(d.traffic.totals.bytes)}`,
  ].join('\n');
}

function timeline(d: ReportData, charts: SvgChart[]): string {
  const parts = ['## 2. Attack chain and timeline', '', chartLink(charts, 'timeline.svg')];
  for (const i of d.incidents) {
    parts.push(`### Incident ${md(i.id)} (${i.severity})`, '', ...i.chain.map((c, n) => `${n + 1}. ${md(c)}`), '');
    parts.push(mdTable(['Time (UTC)', 'Tactic', 'Severity', 'From', 'To', 'What happened'],
      i.timeline.map((e) => [formatTime(e.ts), tacticLabel(e.tactic), e.severity, e.src, e.dst.join(', '), e.summary])), '');
    if (i.timelineOmitted > 0) parts.push(`${formatCount(i.timelineOmitted)} later event(s) not listed.`, '');
  }
  if (d.incidents.length === 0) parts.push('No incident was found.');
  return parts.join('\n');
}

function anomalies(d: ReportData): string {
  const rows = d.anomalies.rows.slice(0, MD_ANOMALIES);
  return ['## 3. Anomalies', '', `${formatCount(d.anomalies.total)} alert(s), most severe first${d.anomalies.total > rows.length ? `; the first ${formatCount(rows.length)} are listed (all are in the HTML report and \`tracer alerts\`)` : ''}.`, '',
    mdTable(['Severity', 'Detector', 'From', 'To', 'Ports', 'Count', 'First seen (UTC)', 'Technique', 'Explanation'],
      rows.map((r) => [r.severity, r.detector, r.src, r.dst.join(', '), r.ports.join(', '), r.count === null ? '' : formatCount(r.count), formatTime(r.firstSeen), r.techniqueId, r.explanation]),
      [false, false, false, false, true, true]),
  ].join('\n');
}

function patterns(d: ReportData): string {
  const parts = ['## 4. Attack patterns and weaknesses', ''];
  for (const p of d.patterns) {
    parts.push(`### [${md(p.techniqueId)}](${p.url}) ${md(p.technique)} (${md(p.tactic)})`, '', md(p.description), '', `${formatCount(p.alerts)} alert(s) from ${hostList(p.hosts)}.`, '');
    if (p.weaknesses.length > 0) parts.push('**Weakness exploited:**', '', ...p.weaknesses.map((w) => `- ${md(w)}`), '');
  }
  if (d.patterns.length === 0) parts.push('No attack technique was detected.');
  return parts.join('\n');
}

function traffic(d: ReportData, charts: SvgChart[]): string {
  const t = d.traffic;
  return ['## 5. Traffic before, during and after', '', `Per protocol in ${formatDuration(t.bucketSeconds)} buckets; the intrusion window is shaded.`, '',
    t.phases.length > 0 ? mdTable(['Phase', 'Connections', 'Packets', 'Bytes'], t.phases.map((p) => [`${p.phase} the intrusion`, formatCount(p.connections), formatCount(p.packets), formatBytes(p.bytes)]), [false, true, true, true]) : '',
    '', chartLink(charts, 'traffic-bytes.svg'), chartLink(charts, 'traffic-packets.svg'), chartLink(charts, 'traffic-connections.svg')].join('\n');
}

function tops(d: ReportData, charts: SvgChart[]): string {
  const parts = ['## 6. Top talkers, ports and names', '', chartLink(charts, 'protocols.svg')];
  for (const t of d.tops) {
    parts.push(`### ${md(t.title)}`, '', t.rows.length === 0 ? 'None in this store.' : mdTable(t.columns.map((c) => c.label), t.rows.map((r) => t.columns.map((c) => formatCell(r[c.key], c.kind))), t.columns.map((c) => c.kind !== 'text')), '');
  }
  return parts.join('\n');
}

function map(d: ReportData, charts: SvgChart[]): string {
  return ['## 7. Network map', '', chartLink(charts, 'network-map.svg'),
    d.map.edges.length === 0 ? 'No attack path was found.' : mdTable(['From', 'To', 'Activity', 'Tactic', 'Count', 'First (UTC)', 'Last (UTC)'],
      d.map.edges.map((e) => [e.src, e.dst, `${e.kind}: ${e.summary}`, tacticLabel(e.tactic), formatCount(e.count), formatTime(e.first), formatTime(e.last)]))].join('\n');
}

function intel(d: ReportData): string {
  if (d.intel.total === 0) return '## 8. Threat-intel matches\n\nNo threat-intel feed matched.';
  return ['## 8. Threat-intel matches', '', mdTable(['First seen (UTC)', 'Observed', 'Feed', 'Indicator', 'Connection', 'Context'],
    d.intel.rows.map((r) => [formatTime(r.ts), `${r.observed} (${r.kind}${r.country ? `, ${r.country}` : ''})`, r.feed, r.indicator, `${r.src} → ${r.dst.join(', ')}`, r.context.map(([k, v]) => `${k}: ${v}`).join('; ')]))].join('\n');
}

function mitigations(d: ReportData): string {
  const p = d.mitigations;
  const parts = ['## 9. Mitigations', '', `**Addresses to block:** ${hostList(p.blockAddresses)}`, '', `**Names to sinkhole:** ${hostList(p.blockDomains)}`, ''];
  for (const m of p.mitigations) {
    parts.push(`### ${m.priority}: ${md(m.title)}`, '', md(m.why), '');
    for (const r of m.rules) parts.push(`**${TARGET_NAMES[r.target] ?? md(r.target)}** — ${md(r.title)}${r.file ? ` (save as ${md(r.file)})` : ''}`, '', codeBlock(r.text), '');
    if (m.hardening.length > 0) parts.push('Hardening:', '', ...m.hardening.map((h) => `- ${md(h)}`), '');
    if (m.validation.length > 0) parts.push('Check that it works:', '', ...m.validation.map((v) => `- ${md(v)}`), '');
  }
  return parts.join('\n');
}

function custody(d: ReportData): string {
  const c = d.custody;
  return ['## 10. Appendix: chain of custody', '', mdTable(['Input', 'Kind', 'SHA-256', 'Bytes', 'Packets', 'First (UTC)', 'Last (UTC)', 'Read by'],
    c.inputs.map((i) => [i.path, i.kind, i.sha256, formatCount(i.bytes), i.packets === null ? '-' : formatCount(i.packets), i.first === null ? '-' : formatTime(i.first), i.last === null ? '-' : formatTime(i.last), `Tracer ${i.tracerVersion}`])), '',
    `Report written ${c.generatedAt} by Tracer ${md(c.reportVersion)}; analysis by Tracer ${md(c.analysisVersion)}.`, '', 'Parameters:', '', codeBlock(JSON.stringify(c.parameters, null, 2), 'json')].join('\n');
}

/** report.md: the same sections as the HTML page, with the static SVG charts linked from charts/. */
export function renderMarkdown(d: ReportData, charts: SvgChart[]): string {
  return [`# ${md(d.title)}`, `*Tracer incident report · confidential · written ${d.custody.generatedAt}*`,
    summary(d), timeline(d, charts), anomalies(d), patterns(d), traffic(d, charts), tops(d, charts), map(d, charts), intel(d), mitigations(d), custody(d)].join('\n\n') + '\n';
}
