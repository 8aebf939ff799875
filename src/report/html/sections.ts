import { tacticLabel } from '../charts.js';
import { formatBytes, formatCell, formatCount, formatDuration, formatTime } from '../format.js';
import type { ReportData, TopTable } from '../model.js';
import { html, type SafeHtml } from './safe-html.js';

/** The statically rendered sections of the page (every value escaped by `html`). */

function hosts(list: string[], cls: string): SafeHtml {
  return list.length === 0 ? html`<span class="muted">none</span>` : html`${list.map((h) => html`<code class="host ${cls}">${h}</code> `)}`;
}

/** Section 1: the plain-words summary with key figures. */
export function summarySection(d: ReportData): SafeHtml {
  const s = d.summary;
  const span = s.window ? html`${formatTime(s.window.start)} – ${formatTime(s.window.end)} UTC <span class="muted">(${formatDuration(s.window.end - s.window.start)})</span>` : html`<span class="muted">no incident</span>`;
  const chain = d.incidents.flatMap((i) => i.chain).slice(0, 12);
  return html`<p class="headline">${s.headline}</p>
<div class="cards">
  <div class="card sev-${s.severity}"><div class="label">Severity</div><div class="value">${s.severity}</div></div>
  <div class="card"><div class="label">Incidents</div><div class="value">${formatCount(s.incidents)}</div></div>
  <div class="card"><div class="label">Alerts</div><div class="value">${formatCount(d.anomalies.total)}</div></div>
  <div class="card"><div class="label">Compromised hosts</div><div class="value">${formatCount(s.compromised.length)}</div></div>
  <div class="card"><div class="label">Traffic examined</div><div class="value">${formatBytes(d.traffic.totals.bytes)}</div><div class="sub">${formatCount(d.traffic.totals.connections)} connections</div></div>
</div>
<dl class="facts">
  <dt>Time window</dt><dd>${span}</dd>
  <dt>Attackers</dt><dd>${hosts(s.attackers, 'attacker')}</dd>
  <dt>Victims</dt><dd>${hosts(s.victims, 'victim')}</dd>
  ${s.pivots.length > 0 ? html`<dt>Used to attack others</dt><dd>${hosts(s.pivots, 'victim')}</dd>` : ''}
  <dt>Command and control</dt><dd>${hosts(s.c2, 'c2')}</dd>
  <dt>Compromised</dt><dd>${s.compromised.length === 0 ? html`<span class="muted">none shown</span>` : s.compromised.map((c) => html`<div><code class="host victim">${c.host}</code> <span class="score">confidence ${Math.round(c.score * 100)}%</span> — ${c.reasons.join('; ')}</div>`)}</dd>
  <dt>Alerts by severity</dt><dd>${Object.entries(s.alertCounts).reverse().map(([sev, n]) => html`<span class="badge sev-${sev}">${sev} ${formatCount(n)}</span> `)}</dd>
</dl>
${chain.length > 0 ? html`<h3>What happened</h3><ol class="chain">${chain.map((c) => html`<li>${c}</li>`)}</ol>` : ''}`;
}

/** Section 4: ATT&CK techniques with links and the weaknesses exploited. */
export function patternsSection(d: ReportData): SafeHtml {
  if (d.patterns.length === 0) return html`<p class="muted">No attack technique was detected.</p>`;
  return html`<div class="patterns">${d.patterns.map((p) => html`<article class="pattern">
  <h3><a href="${p.url}" rel="noopener noreferrer" target="_blank">${p.techniqueId}</a> ${p.technique} <span class="tactic">${p.tactic}</span></h3>
  <p>${p.description}</p>
  <p class="muted">${formatCount(p.alerts)} alert(s) from ${p.hosts.join(', ')}</p>
  ${p.weaknesses.length > 0 ? html`<div class="weak"><strong>Weakness exploited</strong><ul>${p.weaknesses.map((w) => html`<li>${w}</li>`)}</ul></div>` : ''}
</article>`)}</div>`;
}

/** Section 5's table: traffic before, during and after the intrusion. */
export function phasesTable(d: ReportData): SafeHtml {
  if (d.traffic.phases.length === 0) return html``;
  return html`<table class="data compact"><thead><tr><th>Phase</th><th>From</th><th>To</th><th class="num">Connections</th><th class="num">Packets</th><th class="num">Bytes</th></tr></thead><tbody>
${d.traffic.phases.map((p) => html`<tr class="phase-${p.phase}"><td>${p.phase} the intrusion</td><td>${formatTime(p.start)}</td><td>${formatTime(p.end)}</td><td class="num">${formatCount(p.connections)}</td><td class="num">${formatCount(p.packets)}</td><td class="num">${formatBytes(p.bytes)}</td></tr>`)}
</tbody></table>`;
}

/** One top-N table. */
export function topTable(t: TopTable): SafeHtml {
  const body = t.rows.length === 0
    ? html`<tr><td colspan="${t.columns.length}" class="muted">none in this store</td></tr>`
    : t.rows.map((r) => html`<tr>${t.columns.map((c) => html`<td class="${c.kind === 'text' ? 'text' : 'num'}">${formatCell(r[c.key], c.kind)}</td>`)}</tr>`);
  return html`<div class="top"><h3>${t.title}</h3><table class="data compact"><thead><tr>${t.columns.map((c) => html`<th class="${c.kind === 'text' ? '' : 'num'}">${c.label}</th>`)}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Section 7's list of links under the graph. */
export function linksTable(d: ReportData): SafeHtml {
  const edges = d.map.edges.slice(0, 60);
  if (edges.length === 0) return html`<p class="muted">No attack path was found.</p>`;
  return html`<table class="data compact"><thead><tr><th>From</th><th>To</th><th>Activity</th><th>Tactic</th><th class="num">Count</th><th>First</th><th>Last</th></tr></thead><tbody>
${edges.map((e) => html`<tr><td><code>${e.src}</code></td><td><code>${e.dst}</code></td><td>${e.kind}<div class="muted">${e.summary}</div></td><td>${tacticLabel(e.tactic)}</td><td class="num">${formatCount(e.count)}</td><td>${formatTime(e.first)}</td><td>${formatTime(e.last)}</td></tr>`)}
</tbody></table>${d.map.edges.length > edges.length || d.map.omitted.edges > 0 ? html`<p class="muted">${formatCount(d.map.edges.length - edges.length + d.map.omitted.edges)} more link(s) not listed.</p>` : ''}`;
}

/** Section 8: threat-intel matches with the feed's context. */
export function intelSection(d: ReportData): SafeHtml {
  if (d.intel.total === 0) return html`<p class="muted">No threat-intel feed matched (or none was given to <code>tracer detect --feed/--tix</code>).</p>`;
  return html`<table class="data"><thead><tr><th>First seen</th><th>Observed</th><th>Feed</th><th>Indicator</th><th>Connection</th><th class="num">Records</th><th>Feed context</th></tr></thead><tbody>
${d.intel.rows.map((r) => html`<tr><td>${formatTime(r.ts)}</td><td><code>${r.observed}</code> <span class="muted">${r.kind}${r.country ? ` · ${r.country}` : ''}</span></td><td>${r.feed}</td><td><code>${r.indicator}</code></td><td><code>${r.src}</code> → <code>${r.dst.join(', ')}</code></td><td class="num">${formatCount(r.seen)}</td><td>${r.context.length === 0 ? html`<span class="muted">-</span>` : html`<dl class="ctx">${r.context.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`}</td></tr>`)}
</tbody></table>${d.intel.total > d.intel.rows.length ? html`<p class="muted">${formatCount(d.intel.total - d.intel.rows.length)} more match(es) in <code>tracer alerts --detector intel_match</code>.</p>` : ''}`;
}
