import { basename } from 'node:path';
import type { Analysis, Incident } from '../correlate/index.js';
import { dateTime } from '../correlate/kinds.js';
import { escapeTerminal } from '../util/escape.js';

/** Chain sentences shown per incident on the terminal; the files hold all. */
const CHAIN_LINES = 10;

/** Incidents shown on the terminal; the files hold all. */
const INCIDENTS_SHOWN = 5;

function list(hosts: readonly string[]): string {
  return hosts.length ? hosts.map(escapeTerminal).join(', ') : '–';
}

function incidentLines(i: Incident): string[] {
  const lines = [
    `${i.id}  ${i.severity.toUpperCase()}  ${dateTime(i.start)} – ${dateTime(i.end)}`,
    `  attackers: ${list(i.attackers)}   pivots: ${list(i.pivots)}   victims: ${list(i.victims)}   C2: ${list(i.c2)}`,
  ];
  if (i.compromised.length) lines.push(`  compromised: ${i.compromised.map((c) => `${escapeTerminal(c.host)} (${c.score.toFixed(2)})`).join(', ')}`);
  i.chain.slice(0, CHAIN_LINES).forEach((s, n) => lines.push(`  ${n + 1}. ${escapeTerminal(s)}`));
  if (i.chain.length > CHAIN_LINES) lines.push(`  … ${i.chain.length - CHAIN_LINES} more step(s) in the report`);
  return lines;
}

/**
 * The terminal summary of an analysis: counts, then the most severe incidents with their
 * cast and attack chain. Every traffic- or log-derived string is terminal-escaped.
 */
export function analysisSummary(analysis: Analysis, written: readonly string[]): string {
  const lines = [`${analysis.incidents.length} incident(s), ${analysis.alerts.length} alert(s) from ${analysis.inputs.length} input(s)`];
  for (const incident of analysis.incidents.slice(0, INCIDENTS_SHOWN)) lines.push('', ...incidentLines(incident));
  if (analysis.incidents.length > INCIDENTS_SHOWN) lines.push('', `… ${analysis.incidents.length - INCIDENTS_SHOWN} more incident(s) in the report`);
  const report = written.find((f) => f.endsWith('report.html'));
  if (report) lines.push('', `report: ${escapeTerminal(report)}`);
  lines.push(`written: ${written.length} file(s): ${written.filter((f) => !f.includes('/charts/')).map((f) => escapeTerminal(basename(f))).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
