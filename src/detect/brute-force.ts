import { severityFor } from './alert.js';
import { bytes, count, seconds, type SqlDetector } from './sql-detector.js';

/** Password guessing: many short, similar-sized connections to an authentication service. */
export const bruteForce: SqlDetector = {
  name: 'brute_force',
  file: 'brute-force',
  attack: { tactic: 'Credential Access', techniqueId: 'T1110', technique: 'Brute Force' },
  describe(row) {
    const success = row.success ? '; a longer session followed, so a guess probably succeeded' : '';
    return {
      severity: row.success ? 'high' : severityFor(Number(row.score), 'medium'),
      explanation: `${row.src} made ${count(row.connections)} connections (${count(row.guesses)} guesses, up to ${count(row.peak_guesses)} per window) to ${row.dst}:${row.port}, median ${seconds(row.median_duration)} and ${bytes(Math.round(Number(row.mean_bytes)))} each${success}.`,
      evidence: {
        port: row.port, connections: row.connections, guesses: row.guesses, peak_connections: row.peak_connections, peak_guesses: row.peak_guesses,
        median_duration: row.median_duration, size_cv: row.size_cv, success: row.success, success_uids: row.success_uids,
      },
    };
  },
};
