import type { Severity } from './alert.js';
import { bytes, count, seconds, type SqlDetector } from './sql-detector.js';

/** Severity of a beacon score, in RITA v5's bands (under 0.75 informational, 0.75 low, 0.9 medium) with 0.95+ high. */
function beaconSeverity(score: number, strobe: boolean): Severity {
  if (strobe) return 'medium';
  return score >= 0.95 ? 'high' : score >= 0.9 ? 'medium' : score >= 0.75 ? 'low' : 'info';
}

/** Periodic check-ins (RITA v5 scoring) per source→address, source→HTTP Host/TLS SNI and inside one long-lived connection. */
export const beacon: SqlDetector = {
  name: 'beacon',
  file: 'beacon',
  attack: { tactic: 'Command and Control', techniqueId: 'T1071', technique: 'Application Layer Protocol' },
  describe(row) {
    const score = Number(row.score);
    const parts = `timing ${Number(row.timing_score).toFixed(2)}, size ${Number(row.size_score).toFixed(2)}, duration ${Number(row.duration_score).toFixed(2)}, histogram ${Number(row.histogram_score).toFixed(2)}`;
    const merged = Number(row.checkins) < Number(row.connections) ? ` in ${count(row.checkins)} check-ins` : '';
    const contacts = row.flow
      ? `${row.src} sent ${count(row.connections)} bursts to ${row.target} inside one connection (${row.flow})${merged}`
      : `${row.src} contacted ${row.target} ${count(row.connections)} times${merged}`;
    const explanation = row.strobe
      ? `${contacts} (a strobe).`
      : `${contacts} every ~${seconds(row.median_interval)} with ~${bytes(row.median_size)} each: beacon score ${score.toFixed(2)} (${parts}).`;
    return {
      severity: beaconSeverity(score, Boolean(row.strobe)),
      explanation,
      evidence: {
        connections: row.connections, checkins: row.checkins, ...(row.flow ? { flow: row.flow } : {}), median_interval: row.median_interval, median_size: row.median_size, strobe: row.strobe,
        timing_score: row.timing_score, size_score: row.size_score, duration_score: row.duration_score, histogram_score: row.histogram_score,
      },
    };
  },
};
