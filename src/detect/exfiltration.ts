import { severityFor } from './alert.js';
import { bytes, count, type SqlDetector } from './sql-detector.js';

/** Large outbound transfers to external or rarely contacted destinations. */
export const exfiltration: SqlDetector = {
  name: 'exfiltration',
  file: 'exfiltration',
  attack: { tactic: 'Exfiltration', techniqueId: 'T1048', technique: 'Exfiltration Over Alternative Protocol' },
  describe(row) {
    const where = row.local_dst ? `a local host contacted by ${count(row.peer_sources)} source(s)` : 'an external host';
    return {
      severity: severityFor(Number(row.score), 'medium'),
      explanation: `${row.src} sent ${bytes(row.bytes_out)} to ${(row.dst as string[])[0]} (${where}, ports ${(row.ports as number[]).join(',')}) and received ${bytes(row.bytes_in)} over ${count(row.connections)} connection(s).`,
      evidence: { bytes_out: row.bytes_out, bytes_in: row.bytes_in, connections: row.connections, ports: row.ports, local_dst: row.local_dst, peer_sources: row.peer_sources },
    };
  },
};
