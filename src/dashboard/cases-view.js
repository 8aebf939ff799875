// The cases (TRACER case API at /api/cases), refreshed when the page opens and every 30 s.
import { el, replaceChildren } from './dom.js';

const REFRESH_MS = 30_000;

/** The cases table. */
export class CasesView {
  constructor(table, empty) {
    this.body = table.tBodies[0];
    this.empty = empty;
  }

  /** Loads the cases now and then every REFRESH_MS. */
  start() {
    void this.load();
    setInterval(() => void this.load(), REFRESH_MS);
  }

  async load() {
    const res = await fetch('/api/cases', { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    const { cases } = await res.json();
    replaceChildren(this.body, ...cases.map(({ case: c, updatedAt }) => el('tr', { 'data-case-id': String(c.id) },
      el('td', {}, String(c.id)),
      el('td', {}, String(c.status)),
      el('td', {}, String(c.detection?.threatType ?? '')),
      el('td', {}, String(c.detection?.source ?? '')),
      el('td', {}, String(c.detection?.destination ?? '')),
      el('td', {}, String(c.detection?.investigator ?? '')),
      el('td', {}, String(updatedAt)))));
    this.empty.hidden = cases.length > 0;
  }
}
