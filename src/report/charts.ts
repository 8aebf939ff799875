import { SEVERITIES } from '../detect/alert.js';
import { TACTICS } from '../correlate/model.js';
import type { IncidentView, NetworkMap, TopTable, TrafficStats } from './model.js';
import { ROLE_COLORS, SERIES_COLORS, SEVERITY_COLORS } from './palette.js';

/**
 * ECharts options (plain data, no functions) for the report's charts, used as
 * they are by the page (which adds tooltips and filters) and by the static SVGs
 * of report.md. Times are milliseconds on a UTC time axis.
 */
export type ChartOption = Record<string, unknown>;

const FONT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };

/** "command-and-control" → "Command and control". */
export function tacticLabel(tactic: string): string {
  const words = tactic.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Points per series above which the timeline draws them as one shape (fast for thousands of events). */
const LARGE_SCATTER = 400;

/** The attack timeline: one point per event, time across, tactic (kill-chain order) down, coloured by severity. */
export function timelineOption(incidents: readonly IncidentView[]): ChartOption {
  const events = incidents.flatMap((i) => i.timeline);
  return {
    animation: false, useUTC: true, textStyle: FONT,
    grid: { left: 150, right: 30, top: 40, bottom: 40 },
    legend: { top: 0, data: [...SEVERITIES].reverse() },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: TACTICS.map(tacticLabel), inverse: true, axisTick: { alignWithLabel: true } },
    series: [...SEVERITIES].reverse().map((severity) => ({
      name: severity, type: 'scatter', symbolSize: 10 + 3 * SEVERITIES.indexOf(severity), large: true, largeThreshold: LARGE_SCATTER,
      itemStyle: { color: SEVERITY_COLORS[severity], opacity: 0.85 },
      data: events.flatMap((e, index) => (e.severity === severity ? [{ name: String(index), value: [e.ts * 1000, TACTICS.indexOf(e.tactic)] }] : [])),
    })),
  };
}

/** Traffic over time, stacked per protocol, with each intrusion window shaded. */
export function trafficOption(traffic: TrafficStats, measure: 'bytes' | 'packets' | 'connections'): ChartOption {
  const shade = traffic.intrusions.map((w) => [{ name: `Intrusion ${w.id}`, xAxis: w.start * 1000 }, { xAxis: w.end * 1000 }]);
  return {
    animation: false, useUTC: true, textStyle: FONT, color: SERIES_COLORS,
    grid: { left: 70, right: 30, top: 40, bottom: 40 },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: measure, nameTextStyle: { align: 'left' } },
    series: traffic.series.map((s, i) => ({
      name: s.protocol, type: 'line', stack: 'traffic', step: 'start', symbol: 'none', areaStyle: { opacity: 0.55 }, lineStyle: { width: 1 },
      data: traffic.buckets.map((t, b) => [t * 1000, s[measure][b]]),
      ...(i === 0 && shade.length > 0 ? { markArea: { silent: true, itemStyle: { color: 'rgba(220, 38, 38, 0.12)' }, label: { color: '#991b1b' }, data: shade } } : {}),
    })),
  };
}

/** Protocol mix as a donut of bytes. */
export function protocolOption(tops: readonly TopTable[]): ChartOption {
  const mix = tops.find((t) => t.id === 'protocols');
  return {
    animation: false, textStyle: FONT, color: SERIES_COLORS,
    legend: { orient: 'vertical', left: 0, top: 'middle', type: 'scroll' },
    series: [{
      type: 'pie', radius: ['40%', '70%'], center: ['62%', '50%'], label: { formatter: '{b}: {d}%' },
      data: (mix?.rows ?? []).map((r) => ({ name: String(r.protocol), value: Number(r.bytes) })),
    }],
  };
}

/** The network map as an ECharts graph with fixed positions (static SVG for Markdown and PDF readers). */
export function mapOption(map: NetworkMap): ChartOption {
  const roles = Object.keys(ROLE_COLORS);
  return {
    animation: false, textStyle: FONT,
    legend: { top: 0, data: roles },
    series: [{
      type: 'graph', layout: 'none', roam: false, top: 50, bottom: 30, left: 100, right: 140, symbolSize: 26,
      categories: roles.map((name) => ({ name, itemStyle: { color: ROLE_COLORS[name as keyof typeof ROLE_COLORS] } })),
      label: { show: true, position: 'bottom', fontSize: 11 },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
      edgeLabel: { show: true, fontSize: 10, formatter: '{c}' },
      lineStyle: { color: '#94a3b8', width: 1.5, curveness: 0.15 },
      data: map.nodes.map((n) => ({ name: n.id, x: n.x, y: n.y, category: roles.indexOf(n.role) })),
      links: map.edges.map((e) => ({ source: e.src, target: e.dst, value: e.kind })),
    }],
  };
}
