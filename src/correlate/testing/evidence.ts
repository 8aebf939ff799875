import { makeAlert, type Alert, type AlertDraft } from '../../detect/alert.js';
import { alertRecord } from '../../detect/run.js';
import { alertsSchema } from '../../store/schema/alerts.js';
import type { Store } from '../../store/duckdb.js';
import { conn, storeWith, T0 } from '../../detect/testing/store.js';
import type { LogRecord } from '../../store/schema/types.js';

export { conn, T0 };

/** An alert with neutral defaults; `over` sets what the test is about. */
export function alert(over: Partial<AlertDraft> & Pick<AlertDraft, 'detector' | 'src' | 'dst' | 'firstSeen'>): Alert {
  return makeAlert({
    key: `${over.detector}:${over.src}>${over.dst.join(',')}@${over.firstSeen}`, severity: 'high', score: 0.9,
    attack: { tactic: 'Discovery', techniqueId: 'T1046', technique: 'Network Service Discovery' },
    lastSeen: over.firstSeen + 60, explanation: `${over.detector} from ${over.src}.`, evidence: {}, ...over,
  });
}

/** Tactics of the detectors the fixtures use, as the detectors write them. */
export const TACTIC = {
  scan: { tactic: 'Discovery', techniqueId: 'T1046', technique: 'Network Service Discovery' },
  brute: { tactic: 'Credential Access', techniqueId: 'T1110', technique: 'Brute Force' },
  beacon: { tactic: 'Command and Control', techniqueId: 'T1071', technique: 'Application Layer Protocol' },
  exfil: { tactic: 'Exfiltration', techniqueId: 'T1048', technique: 'Exfiltration Over Alternative Protocol' },
} as const;

/** An auth-table record: an sshd line from `src:port` on host `host`. */
export function authLine(over: Partial<LogRecord> & { ts: number; event: string; src_ip: string; src_port: number }): LogRecord {
  return {
    host: 'web01', service: 'sshd', pid: 100, user: 'admin', invalid_user: false, method: 'password', logon_type: null, count: 1,
    raw_line: 'line', source_file: 'auth.log', source_line: 1, ...over,
  };
}

/** A store holding the given alerts (as `tracer detect` writes them) and records. */
export async function evidenceStore(alerts: Alert[], records: Record<string, LogRecord[]> = {}): Promise<Store> {
  const store = await storeWith(records);
  const writer = store.writer(alertsSchema);
  for (const a of alerts) writer.append(alertRecord(a));
  writer.flush();
  return store;
}
