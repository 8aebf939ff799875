import type { StoredCase } from '../model.js';
import { htmlReport } from './html.js';
import { jsonReport } from './json.js';
import { markdownReport } from './markdown.js';
import { textReport } from './text.js';

/** Report formats and their renderers. */
export const REPORT_FORMATS = { text: textReport, json: jsonReport, markdown: markdownReport, html: htmlReport } as const;

/** A report format name. */
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** Media type of each report format (for the REST API). */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  text: 'text/plain; charset=utf-8', json: 'application/json', markdown: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8',
};

/** Renders a case in a format. */
export function renderReport(stored: StoredCase, format: ReportFormat): string {
  return REPORT_FORMATS[format](stored);
}
