import type { Store } from '../store/duckdb.js';
import type { ColumnKind, TopTable } from './model.js';
import { queryReport } from './sql.js';

/** Rows per top-N table: enough to see the picture, small for any store. */
export const TOP_N = 15;

type Column = [key: string, label: string, kind: ColumnKind];

/** Each top-N table: its SQL file, the table it reads, title and columns. */
const TABLES: Array<{ id: string; file: string; needs: string; title: string; columns: Column[] }> = [
  { id: 'talkers', file: 'top-talkers', needs: 'conn', title: 'Top talkers',
    columns: [['host', 'Host', 'text'], ['bytes', 'Bytes', 'bytes'], ['sent', 'Sent', 'bytes'], ['received', 'Received', 'bytes'], ['connections', 'Connections', 'count'], ['peers', 'Peers', 'count']] },
  { id: 'ports', file: 'top-ports', needs: 'conn', title: 'Top destination ports',
    columns: [['port', 'Port', 'count'], ['proto', 'Transport', 'text'], ['connections', 'Connections', 'count'], ['sources', 'Sources', 'count'], ['unanswered', 'Unanswered', 'count'], ['bytes', 'Bytes', 'bytes']] },
  { id: 'protocols', file: 'protocol-mix', needs: 'conn', title: 'Protocol mix',
    columns: [['protocol', 'Protocol', 'text'], ['connections', 'Connections', 'count'], ['packets', 'Packets', 'count'], ['bytes', 'Bytes', 'bytes']] },
  { id: 'dns', file: 'top-dns', needs: 'dns', title: 'Top DNS names',
    columns: [['name', 'Name', 'text'], ['queries', 'Queries', 'count'], ['clients', 'Clients', 'count'], ['nxdomain', 'NXDOMAIN', 'count']] },
  { id: 'sni', file: 'top-sni', needs: 'ssl', title: 'Top TLS server names (SNI)',
    columns: [['name', 'Server name', 'text'], ['handshakes', 'Handshakes', 'count'], ['clients', 'Clients', 'count'], ['servers', 'Servers', 'count']] },
  { id: 'http-hosts', file: 'top-http-hosts', needs: 'http', title: 'Top HTTP hosts',
    columns: [['name', 'Host', 'text'], ['requests', 'Requests', 'count'], ['clients', 'Clients', 'count'], ['bytes', 'Bytes returned', 'bytes']] },
  { id: 'user-agents', file: 'top-user-agents', needs: 'http', title: 'Top HTTP user agents',
    columns: [['name', 'User-Agent', 'text'], ['requests', 'Requests', 'count'], ['clients', 'Clients', 'count']] },
];

/** The top-N tables of section 6 from the store (streams never ingested give empty tables). */
export async function collectTops(store: Store, limit = TOP_N): Promise<TopTable[]> {
  const tables = await store.tables();
  const out: TopTable[] = [];
  for (const t of TABLES) {
    const rows = await queryReport(store, tables, t.file, t.needs, { limit });
    out.push({
      id: t.id, title: t.title,
      columns: t.columns.map(([key, label, kind]) => ({ key, label, kind })),
      rows: rows.map((r) => Object.fromEntries(t.columns.map(([key, , kind]) => [key, kind === 'text' ? String(r[key] ?? '') : Number(r[key] ?? 0)]))),
    });
  }
  return out;
}
