import { severityFor } from './alert.js';
import { count, seconds, type SqlDetector } from './sql-detector.js';

/** UTC time of day with the date, for explanations: `2026-11-20 10:02:41 UTC`. */
function utc(ts: unknown): string {
  return `${new Date(Number(ts) * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

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
      : `; a login as ${JSON.stringify(String(row.accepted_user))} was accepted at ${utc(row.accepted_at)}`;
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
