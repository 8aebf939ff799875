import { severityFor } from './alert.js';
import { utcDateTime } from '../util/utc-text.js';
import { count, seconds, type SqlDetector } from './sql-detector.js';

/** Password guessing reported by host logs (sshd, Windows Security), with any login accepted afterwards. */
export const authGuessing: SqlDetector = {
  name: 'auth_guessing',
  file: 'auth-guessing',
  attack: { tactic: 'Credential Access', techniqueId: 'T1110.001', technique: 'Brute Force: Password Guessing' },
  describe(row) {
    const server = (row.dst as string[])[0];
    const where = server === row.host ? `${row.host}` : `${row.host} (${server})`;
    const accepted = row.accepted_at === null
      ? ''
      : `; a login as ${JSON.stringify(String(row.accepted_user))} was accepted at ${utcDateTime(Number(row.accepted_at))}`;
    return {
      severity: row.accepted_at === null ? severityFor(Number(row.score), 'low') : 'critical',
      explanation: `${row.src} failed ${count(row.failures)} logins on ${where} for ${count(row.accounts)} account(s) in ${seconds(Number(row.last_seen) - Number(row.first_seen))} (up to ${count(row.peak)} per window), per ${row.source_file}${accepted}.`,
      evidence: {
        failures: row.failures, accounts: row.accounts, sample_accounts: row.sample_accounts, host: row.host, peak: row.peak,
        source_file: row.source_file, source_line: row.source_line, accepted_at: row.accepted_at, accepted_user: row.accepted_user,
      },
    };
  },
};
