import { severityFor } from './alert.js';
import { count, seconds, type SqlDetector } from './sql-detector.js';

/** Failed logins reported by the FTP and HTTP analyzers. */
export const loginFailures: SqlDetector = {
  name: 'login_failures',
  file: 'login-failures',
  attack: { tactic: 'Credential Access', techniqueId: 'T1110.001', technique: 'Brute Force: Password Guessing' },
  describe(row) {
    return {
      severity: severityFor(Number(row.score), 'medium'),
      explanation: `${row.src} had ${count(row.failures)} failed ${String(row.service).toUpperCase()} logins on ${(row.dst as string[])[0]} in ${seconds(Number(row.last_seen) - Number(row.first_seen))} (up to ${count(row.peak)} per window).`,
      evidence: { service: row.service, failures: row.failures, peak: row.peak },
    };
  },
};
