// Current alerts, most severe first, with a count per severity.
import { el, formatTime, replaceChildren, severityBadge } from './dom.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** Rows shown (the most severe, then the most recent). */
const MAX_ROWS = 500;

function rank(severity) {
  const i = SEVERITIES.indexOf(severity);
  return i < 0 ? SEVERITIES.length : i;
}

/** The alerts table and severity counts. */
export class AlertsView {
  constructor(table, counts, empty) {
    this.body = table.tBodies[0];
    this.counts = counts;
    this.empty = empty;
    this.alerts = new Map();
    this.fresh = new Set();
  }

  /** Replaces every alert (a snapshot). */
  setAll(alerts) {
    this.alerts = new Map(alerts.map((a) => [a.id, a]));
    this.draw();
  }

  /** Adds or updates one alert (live). */
  upsert(alert) {
    this.alerts.set(alert.id, alert);
    this.fresh.add(alert.id);
    this.draw();
  }

  draw() {
    const all = [...this.alerts.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || (b.lastSeen ?? 0) - (a.lastSeen ?? 0));
    const rows = all.slice(0, MAX_ROWS).map((a) => {
      const row = el('tr', { 'data-alert-id': String(a.id), 'data-detector': String(a.detector ?? ''), 'data-severity': String(a.severity) },
        el('td', {}, severityBadge(a.severity)),
        el('td', {}, String(a.detector ?? '')),
        el('td', {}, String(a.src ?? '')),
        el('td', {}, (Array.isArray(a.dst) ? a.dst : []).map(String).join(', ')),
        el('td', {}, formatTime(Number(a.lastSeen), true)),
        el('td', { class: 'explanation' }, String(a.explanation ?? '')));
      if (this.fresh.has(a.id)) row.className = 'fresh';
      return row;
    });
    this.fresh.clear();
    replaceChildren(this.body, ...rows);
    this.empty.hidden = rows.length > 0;
    const counts = SEVERITIES.map((s) => [s, all.filter((a) => a.severity === s).length]).filter(([, n]) => n > 0);
    replaceChildren(this.counts, ...counts.map(([s, n]) => el('span', { class: `sev sev-${s}`, 'data-count': n }, `${s} ${n}`)));
  }
}
