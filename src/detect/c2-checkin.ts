import { bytes, count, seconds, type SqlDetector } from './sql-detector.js';

/** Repeated bare POSTs to one script of a server the host uses for nothing else: C2 check-ins. */
export const c2Checkin: SqlDetector = {
  name: 'c2_checkin',
  file: 'c2-checkin',
  attack: { tactic: 'Command and Control', techniqueId: 'T1071.001', technique: 'Application Layer Protocol: Web Protocols' },
  describe(row) {
    const requests = Number(row.requests);
    const span = Number(row.last_seen) - Number(row.first_seen);
    return {
      severity: requests >= 10 ? 'medium' : 'low',
      explanation: `${row.src} sent ${count(requests)} POSTs of ~${bytes(row.median_size)} without a Referer to ${row.host}${row.path} over ${seconds(span)} and asked that server for nothing else: C2 check-ins.`,
      evidence: { host: row.host, path: row.path, requests, median_size: row.median_size, size_spread: row.size_spread },
    };
  },
};
