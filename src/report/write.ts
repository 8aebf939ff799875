import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../correlate/model.js';
import type { MitigationPlan } from '../mitigate/model.js';
import type { Store } from '../store/duckdb.js';
import { buildReport } from './build.js';
import { collectCustody } from './custody.js';
import { renderHtml } from './html/page.js';
import { renderMarkdown } from './markdown/render.js';
import type { ReportData } from './model.js';
import { printPdf } from './pdf.js';
import { svgCharts } from './svg.js';
import { collectTops } from './tops.js';
import { collectTraffic } from './traffic.js';

/** Files a report can be written as. */
export const REPORT_FORMATS = ['html', 'md', 'json', 'pdf'] as const;

/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What writeReport needs: the store for statistics, the analysis, the plan, where and what to write. */
export interface WriteReportOptions {
  store: Store;
  analysis: Analysis;
  plan: MitigationPlan;
  outDir: string;
  formats?: readonly ReportFormat[];
  /** The options the report was made with, for the custody appendix. */
  parameters?: Record<string, unknown>;
  now?: Date;
}

/** Gathers every section's data: statistics from the store, the analysis and plan condensed. */
export async function collectReport(store: Store, analysis: Analysis, plan: MitigationPlan, parameters: Record<string, unknown> = {}, now = new Date()): Promise<ReportData> {
  const intrusions = analysis.incidents.map((i) => ({ id: i.id, start: i.start, end: i.end }));
  return buildReport({
    analysis, plan,
    traffic: await collectTraffic(store, intrusions),
    tops: await collectTops(store),
    custody: await collectCustody(store, analysis, parameters, now),
  });
}

/**
 * Writes the report files into `dir`: report.html (self-contained), report.md
 * with charts/*.svg, report.json, and report.pdf (printed from the HTML by
 * headless Chromium). Returns the paths written.
 */
export async function writeReportFiles(data: ReportData, dir: string, formats: readonly ReportFormat[] = ['html', 'md', 'json']): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    written.push(path);
  };
  if (formats.includes('html') || formats.includes('pdf')) write('report.html', renderHtml(data));
  if (formats.includes('json')) write('report.json', JSON.stringify(data, null, 1) + '\n');
  if (formats.includes('md')) {
    const charts = await svgCharts(data);
    mkdirSync(join(dir, 'charts'), { recursive: true });
    for (const c of charts) write(join('charts', c.file), c.svg);
    write('report.md', renderMarkdown(data, charts));
  }
  if (formats.includes('pdf')) {
    await printPdf(join(dir, 'report.html'), join(dir, 'report.pdf'));
    written.push(join(dir, 'report.pdf'));
  }
  return written;
}

/** Collects the report's data from the store and analysis and writes the asked formats into outDir. */
export async function writeReport(opts: WriteReportOptions): Promise<{ data: ReportData; files: string[] }> {
  const data = await collectReport(opts.store, opts.analysis, opts.plan, opts.parameters ?? {}, opts.now);
  return { data, files: await writeReportFiles(data, opts.outDir, opts.formats) };
}
