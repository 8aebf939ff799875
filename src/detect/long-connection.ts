import type { Severity } from './alert.js';
import { bytes, seconds, type SqlDetector } from './sql-detector.js';

/** RITA's long-connection buckets in hours, lowest first, with their severities. */
const BUCKETS: Array<[hours: number, severity: Severity]> = [[12, 'high'], [8, 'medium'], [4, 'low'], [1, 'info']];

/** Severity of a connection's duration by RITA's 1/4/8/12 h buckets. */
function bucketSeverity(duration: number): Severity {
  for (const [hours, severity] of BUCKETS) if (duration >= hours * 3600) return severity;
  return 'info';
}

/** Connections lasting hours, or still open when the capture ended. */
export const longConnection: SqlDetector = {
  name: 'long_connection',
  file: 'long-connection',
  attack: { tactic: 'Command and Control', techniqueId: 'T1571', technique: 'Non-Standard Port' },
  describe(row) {
    const open = row.open_at_end ? ', still open at the end of the capture' : '';
    return {
      severity: bucketSeverity(Number(row.duration)),
      explanation: `${row.src} held a ${row.proto} connection to ${(row.dst as string[])[0]}:${row.port} for ${seconds(row.duration)} carrying ${bytes(row.bytes)}${open}.`,
      evidence: { uid: row.uid, duration: row.duration, bytes: row.bytes, service: row.service, open_at_end: row.open_at_end },
    };
  },
};
