import type { Severity } from './alert.js';
import { count, type SqlDetector } from './sql-detector.js';

/** Severity of each kind of unusual connection. */
const SEVERITIES: Record<string, Severity> = { cleartext_auth: 'low', nonstandard_port: 'medium', suspicious_port: 'medium', fan_out: 'low', rare_peer: 'info', first_seen: 'info' };

/** What each kind means, in words. */
const KIND_NAMES: Record<string, string> = {
  cleartext_auth: 'authenticated in clear text', nonstandard_port: 'ran a well-known service on a non-standard port',
  suspicious_port: 'talked on a port favoured by malware', fan_out: 'fanned out to many external hosts', rare_peer: 'kept up a rare contact', first_seen: 'reached hosts never seen before',
};

/** Cleartext authentication, services on non-standard ports, suspicious ports, external fan-out, rare and first-seen external peers. */
export const unusualConnection: SqlDetector = {
  name: 'unusual_connection',
  file: 'unusual-connection',
  attack: { tactic: 'Command and Control', techniqueId: 'T1571', technique: 'Non-Standard Port' },
  describe(row) {
    const kind = String(row.kind);
    return {
      severity: SEVERITIES[kind],
      explanation: `${row.src} ${KIND_NAMES[kind]} with ${(row.dst as string[])[0]} (${row.detail}, ${count(row.connections)} connection(s)).`,
      evidence: { kind, detail: row.detail, connections: row.connections },
    };
  },
};
