import { escapeTerminal } from '../../util/escape.js';
import type { Row } from '../plain-row.js';

/** Columns of the terminal table: header and how to render a cell from a conn row. */
const COLUMNS: Array<{ title: string; right?: boolean; cell(r: Row): string }> = [
  { title: 'time (UTC)', cell: (r) => isoSeconds(r.ts) },
  { title: 'uid', cell: (r) => text(r.uid) },
  { title: 'proto', cell: (r) => text(r.proto) },
  { title: 'originator', cell: (r) => endpoint(r.id_orig_h, r.id_orig_p) },
  { title: 'responder', cell: (r) => endpoint(r.id_resp_h, r.id_resp_p) },
  { title: 'service', cell: (r) => text(r.service) },
  { title: 'state', cell: (r) => text(r.conn_state) },
  { title: 'duration', right: true, cell: (r) => (typeof r.duration === 'number' ? r.duration.toFixed(3) : '-') },
  { title: 'orig bytes', right: true, cell: (r) => text(r.orig_bytes) },
  { title: 'resp bytes', right: true, cell: (r) => text(r.resp_bytes) },
  { title: 'pkts', right: true, cell: (r) => text(Number(r.orig_pkts ?? 0) + Number(r.resp_pkts ?? 0)) },
];

function text(v: unknown): string {
  return v === null || v === undefined || v === '' ? '-' : escapeTerminal(String(v));
}

function isoSeconds(ts: unknown): string {
  return typeof ts === 'number' ? new Date(ts * 1000).toISOString().replace('T', ' ').slice(0, 23) : '-';
}

function endpoint(host: unknown, port: unknown): string {
  const h = text(host);
  return h.includes(':') ? `[${h}]:${text(port)}` : `${h}:${text(port)}`;
}

/** Connection rows as an aligned text table for the terminal (every value terminal-escaped). */
export function formatFlowTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) => cells.reduce((w, row) => Math.max(w, row[i].length), c.title.length));
  const line = (values: string[]): string =>
    values.map((v, i) => (COLUMNS[i].right ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd() + '\n';
  return line(COLUMNS.map((c) => c.title)) + cells.map(line).join('');
}
