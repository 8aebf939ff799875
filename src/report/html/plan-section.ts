import type { Mitigation } from '../../mitigate/model.js';
import { formatBytes, formatCount, formatTime } from '../format.js';
import type { ReportData } from '../model.js';
import { html, raw, type SafeHtml } from './safe-html.js';

/** Human names of the rule targets. */
export const TARGET_NAMES: Record<string, string> = {
  iptables: 'iptables', nftables: 'nftables', 'cisco-asa': 'Cisco ASA ACL', suricata: 'Suricata rule', 'zeek-intel': 'Zeek intel file', 'dns-sinkhole': 'DNS sinkhole list',
};

/** Lines of one rule set shown on the page; longer ones are cut (report.md and report.json keep them whole). */
export const MAX_RULE_LINES = 200;

function ruleText(text: string): SafeHtml {
  const lines = text.split('\n');
  if (lines.length <= MAX_RULE_LINES) return html`<pre><code>${text}</code></pre>`;
  return html`<pre><code>${lines.slice(0, MAX_RULE_LINES).join('\n')}</code></pre><p class="muted">… ${lines.length - MAX_RULE_LINES} more line(s): the whole text is in report.md, report.json and <code>tracer mitigate --out DIR</code>.</p>`;
}

/** Mitigations whose rules show expanded; the rest start collapsed (all open for printing). */
export const OPEN_MITIGATIONS = 12;

function mitigation(m: Mitigation, index: number): SafeHtml {
  return html`<article class="mitigation prio-${m.priority}" id="mitigation-${m.id}">
  <h3><span class="badge prio-${m.priority}">${m.priority}</span> ${m.title}</h3>
  <p>${m.why}</p>
  ${m.rules.map((r) => html`<details ${index < OPEN_MITIGATIONS ? raw('open ') : ''}class="rule"><summary><strong>${TARGET_NAMES[r.target] ?? r.target}</strong> — ${r.title}${r.file ? html` <span class="muted">(save as <code>${r.file}</code>)</span>` : ''}</summary>${ruleText(r.text)}</details>`)}
  ${m.hardening.length > 0 ? html`<h4>Hardening</h4><ul>${m.hardening.map((h) => html`<li>${h}</li>`)}</ul>` : ''}
  ${m.validation.length > 0 ? html`<h4>Check that it works</h4><ul class="validate">${m.validation.map((v) => html`<li><code>${v}</code></li>`)}</ul>` : ''}
  ${m.refs.length > 0 ? html`<p class="muted refs">Answers: ${m.refs.join(', ')}</p>` : ''}
</article>`;
}

/** Section 9: mitigations by priority, rules ready to paste, hardening and validation. */
export function planSection(d: ReportData): SafeHtml {
  const p = d.mitigations;
  if (p.mitigations.length === 0) return html`<p class="muted">Nothing to mitigate: no attack was found.</p>`;
  const order = ['immediate', 'short-term', 'long-term'];
  const sorted = [...p.mitigations].sort((a, b) => order.indexOf(a.priority) - order.indexOf(b.priority));
  return html`<div class="blocklists">
  <div><strong>Addresses to block</strong> ${p.blockAddresses.length ? p.blockAddresses.map((a) => html`<code class="host">${a}</code> `) : html`<span class="muted">none</span>`}</div>
  <div><strong>Names to sinkhole</strong> ${p.blockDomains.length ? p.blockDomains.map((a) => html`<code class="host">${a}</code> `) : html`<span class="muted">none</span>`}</div>
</div>
${sorted.map(mitigation)}`;
}

/** Section 10: the chain of custody. */
export function custodySection(d: ReportData): SafeHtml {
  const c = d.custody;
  return html`<table class="data"><thead><tr><th>Input</th><th>Kind</th><th>SHA-256</th><th class="num">Size</th><th class="num">Packets</th><th>First</th><th>Last</th><th>Read by</th></tr></thead><tbody>
${c.inputs.length === 0 ? html`<tr><td colspan="8" class="muted">No input is recorded in the store.</td></tr>` : c.inputs.map((i) => html`<tr><td><code>${i.path}</code></td><td>${i.kind}</td><td><code class="hash">${i.sha256}</code></td><td class="num">${formatBytes(i.bytes)}<div class="muted">${formatCount(i.bytes)} B</div></td><td class="num">${i.packets === null ? '-' : formatCount(i.packets)}</td><td>${i.first === null ? '-' : formatTime(i.first)}</td><td>${i.last === null ? '-' : formatTime(i.last)}</td><td>Tracer ${i.tracerVersion}${i.ingested ? html`<div class="muted">${i.ingested}</div>` : ''}</td></tr>`)}
</tbody></table>
<dl class="facts">
  <dt>Report written</dt><dd>${c.generatedAt} by Tracer ${c.reportVersion}</dd>
  <dt>Analysis by</dt><dd>Tracer ${c.analysisVersion}</dd>
  <dt>Store</dt><dd>${c.store ? html`<code>${c.store.path}</code> (${formatCount(c.store.bytes)} B)` : html`<span class="muted">in memory</span>`}</dd>
  <dt>Report covers</dt><dd>${d.traffic.span ? `${formatTime(d.traffic.span.start)} – ${formatTime(d.traffic.span.end)} UTC` : '-'}, ${formatCount(d.anomalies.total)} alert(s), ${formatCount(d.anomalies.rows.length)} listed</dd>
</dl>
<h3>Parameters</h3><pre><code>${JSON.stringify(c.parameters, null, 2)}</code></pre>`;
}
