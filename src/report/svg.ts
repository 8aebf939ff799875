import { createRequire } from 'node:module';
import { mapOption, protocolOption, timelineOption, trafficOption, type ChartOption } from './charts.js';
import { formatBytes } from './format.js';
import type { ReportData } from './model.js';

/** A static chart written beside report.md. */
export interface SvgChart {
  file: string;
  title: string;
  svg: string;
}

type ECharts = typeof import('echarts');
let loaded: ECharts | undefined;

/**
 * ECharts for server-side rendering: the single-file minified build (the one the page
 * inlines) loads several times faster than the package's hundreds of ES modules.
 */
function echartsLibrary(): ECharts {
  loaded ??= createRequire(import.meta.url)('echarts/dist/echarts.min.js') as ECharts;
  return loaded;
}

/** Renders one ECharts option to an SVG string in Node (server-side rendering, no DOM). */
export async function renderSvg(option: ChartOption, width: number, height: number): Promise<string> {
  const echarts = echartsLibrary();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The static charts of report.md (ECharts SVG text escapes labels); charts without data are left out. */
export async function svgCharts(data: ReportData): Promise<SvgChart[]> {
  const out: SvgChart[] = [];
  const add = async (file: string, title: string, option: ChartOption, w = 960, h = 360) => out.push({ file, title, svg: await renderSvg(option, w, h) });
  if (data.incidents.length > 0) await add('timeline.svg', 'Attack timeline by tactic', timelineOption(data.incidents), 960, 380);
  if (data.traffic.buckets.length > 0) {
    const bytes = trafficOption(data.traffic, 'bytes');
    await add('traffic-bytes.svg', 'Bytes over time (intrusion shaded)', { ...bytes, yAxis: { ...(bytes.yAxis as object), axisLabel: { formatter: formatBytes } } });
    await add('traffic-packets.svg', 'Packets over time (intrusion shaded)', trafficOption(data.traffic, 'packets'));
    await add('traffic-connections.svg', 'Connections over time (intrusion shaded)', trafficOption(data.traffic, 'connections'));
    await add('protocols.svg', 'Protocol mix by bytes', protocolOption(data.tops), 720, 320);
  }
  if (data.map.nodes.length > 0) await add('network-map.svg', 'Network map (attack path)', mapOption(data.map), 1100, Math.max(300, 120 + 80 * tallest(data)));
  return out;
}

function tallest(data: ReportData): number {
  const perColumn = new Map<number, number>();
  for (const n of data.map.nodes) perColumn.set(n.x, (perColumn.get(n.x) ?? 0) + 1);
  return Math.max(1, ...perColumn.values());
}
