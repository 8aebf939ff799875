/** Incident reports: self-contained HTML, Markdown with SVG charts, JSON and PDF (`tracer report`). */
export { writeReport, writeReportFiles, collectReport, REPORT_FORMATS, type ReportFormat, type WriteReportOptions } from './write.js';
export { buildReport } from './build.js';
export { renderHtml } from './html/page.js';
export { renderMarkdown } from './markdown/render.js';
export type { ReportData } from './model.js';
