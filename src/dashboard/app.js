// The Tracer dashboard: one snapshot, then live updates, over server-sent events (/api/dashboard/events).
import { AlertsView } from './alerts-view.js';
import { CasesView } from './cases-view.js';
import { Charts } from './charts.js';
import { formatCount } from './dom.js';
import { IncidentsView } from './incidents-view.js';

const $ = (id) => document.getElementById(id);

const charts = new Charts($('traffic-chart'), $('protocol-chart'), $('talkers-chart'));
const alerts = new AlertsView($('alerts'), $('severity-counts'), $('alerts-empty'));
const incidents = new IncidentsView($('incident-select'), $('incident-chain'), $('attack-graph'), $('timeline'));
const cases = new CasesView($('cases'), $('cases-empty'));

function setStatus(text, kind) {
  $('status').textContent = text;
  $('status').className = `status ${kind}`;
}

function setTotals(totals) {
  $('totals').textContent = `${formatCount(totals.packets)} packets · ${formatCount(totals.bytes, 'B')}`;
}

/** What the live analysis has dropped so far, in one line (empty for a finished analysis). */
function setHealth(health) {
  const node = $('health');
  if (!health) {
    node.textContent = '';
    return;
  }
  const parts = [
    [health.eventsDropped, 'events dropped by slow readers'], [health.windowDropped, 'records left out of live detection'],
    [health.detectionErrors, 'detection runs failed'],
  ].filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  node.textContent = parts.length ? parts.join(' · ') : 'nothing dropped';
  node.className = parts.length ? 'warn' : 'muted';
}

const handlers = {
  snapshot(s) {
    $('source').textContent = String(s.source);
    setStatus(s.mode === 'store' ? 'finished analysis' : s.ended ? 'capture ended' : 'live', s.mode === 'store' ? 'store' : s.ended ? 'ended' : 'live');
    charts.setSeries(s.series);
    charts.setProtocols(s.protocols);
    charts.setTalkers(s.topTalkers);
    setTotals(s.totals);
    setHealth(s.health);
    alerts.setAll(s.alerts);
    incidents.setAll(s.incidents);
  },
  stats(d) {
    charts.addPoint(d.point);
    charts.setProtocols(d.protocols);
    charts.setTalkers(d.topTalkers);
    setTotals(d.totals);
    setHealth(d.health);
  },
  alert(d) {
    alerts.upsert(d.alert);
  },
  incidents(d) {
    incidents.setAll(d.incidents);
  },
};

const source = new EventSource('/api/dashboard/events');
for (const [name, handle] of Object.entries(handlers)) source.addEventListener(name, (e) => handle(JSON.parse(e.data)));
source.addEventListener('end', () => {
  source.close();
  setStatus('capture ended', 'ended');
});
source.addEventListener('open', () => { if ($('status').textContent === 'reconnecting…') setStatus('live', 'live'); });
source.addEventListener('error', () => { if (source.readyState !== EventSource.CLOSED) setStatus('reconnecting…', 'error'); });
cases.start();

// For tests and debugging from the console: what is drawn.
window.tracerDashboard = { charts, alerts, incidents };
