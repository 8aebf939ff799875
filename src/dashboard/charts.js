// The traffic, protocol-mix and top-talker charts (echarts, loaded as /vendor/echarts.min.js).
// Tooltips render as rich text on the canvas, never as HTML.
import { formatCount, formatTime } from './dom.js';

/* global echarts */

/** Points the traffic chart keeps (the server keeps as many). */
const MAX_POINTS = 600;

const base = { animation: false, tooltip: { renderMode: 'richText', confine: true } };

/** The three charts of the dashboard and how to update them. */
export class Charts {
  constructor(trafficNode, protocolNode, talkersNode) {
    this.series = [];
    this.withDate = false;
    this.traffic = echarts.init(trafficNode);
    this.protocol = echarts.init(protocolNode);
    this.talkers = echarts.init(talkersNode);
    this.traffic.setOption({
      ...base,
      tooltip: { ...base.tooltip, trigger: 'axis' },
      legend: { data: ['packets/s', 'bytes/s'], top: 0 },
      grid: { left: 60, right: 70, top: 40, bottom: 30 },
      xAxis: { type: 'time', axisLabel: { formatter: (v) => formatTime(v / 1000, false) } },
      yAxis: [
        { type: 'value', name: 'packets/s', axisLabel: { formatter: (v) => formatCount(v) } },
        { type: 'value', name: 'bytes/s', axisLabel: { formatter: (v) => formatCount(v, 'B') } },
      ],
      series: [
        { name: 'packets/s', type: 'line', showSymbol: false, data: [] },
        { name: 'bytes/s', type: 'line', showSymbol: false, yAxisIndex: 1, data: [] },
      ],
    });
    this.protocol.setOption({ ...base, tooltip: { ...base.tooltip, trigger: 'item' }, series: [{ type: 'pie', radius: ['35%', '70%'], data: [] }] });
    this.talkers.setOption({
      ...base,
      tooltip: { ...base.tooltip, trigger: 'axis' },
      grid: { left: 130, right: 20, top: 10, bottom: 25 },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => formatCount(v, 'B') } },
      yAxis: { type: 'category', inverse: true, data: [] },
      series: [{ type: 'bar', data: [] }],
    });
    window.addEventListener('resize', () => { this.traffic.resize(); this.protocol.resize(); this.talkers.resize(); });
  }

  /** Replaces the traffic series (a snapshot). */
  setSeries(points) {
    this.series = points.slice(-MAX_POINTS);
    this.drawTraffic();
  }

  /** Adds one point to the traffic series (a live stats tick). */
  addPoint(point) {
    this.series.push(point);
    if (this.series.length > MAX_POINTS) this.series.shift();
    this.drawTraffic();
  }

  drawTraffic() {
    this.traffic.setOption({
      series: [
        { data: this.series.map((p) => [p.ts * 1000, p.packetsPerSec]) },
        { data: this.series.map((p) => [p.ts * 1000, p.bytesPerSec]) },
      ],
    });
  }

  /** Shows a protocol mix (packets by protocol name). */
  setProtocols(protocols) {
    const data = Object.entries(protocols).map(([name, value]) => ({ name: String(name), value: Number(value) }));
    this.protocol.setOption({ series: [{ data }] });
  }

  /** Shows the top talkers ({ ip, packets, bytes }, most first). */
  setTalkers(talkers) {
    this.talkers.setOption({ yAxis: { data: talkers.map((t) => String(t.ip)) }, series: [{ data: talkers.map((t) => Number(t.bytes)) }] });
  }
}
