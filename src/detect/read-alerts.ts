import type { Row, Store } from '../store/duckdb.js';
import type { Alert, Severity } from './alert.js';

/** An alerts-table row as the Alert it was written from. */
function alertFromRow(row: Row): Alert {
  return {
    id: String(row.id), detector: String(row.detector), severity: row.severity as Severity, score: Number(row.score),
    attack: { tactic: String(row.tactic), techniqueId: String(row.technique_id), technique: String(row.technique) },
    firstSeen: Number(row.first_seen), lastSeen: Number(row.last_seen), src: String(row.src), dst: ((row.dst ?? []) as unknown[]).map(String),
    explanation: String(row.explanation), evidence: JSON.parse(String(row.evidence ?? '{}')) as Record<string, unknown>,
  };
}

/**
 * The alerts `tracer detect` stored, oldest first (ties by id, so the order is reproducible).
 * @example const alerts = await readAlerts(store);
 */
export async function readAlerts(store: Store): Promise<Alert[]> {
  if (!(await store.tables()).includes('alerts')) return [];
  return (await store.all('SELECT * FROM alerts ORDER BY first_seen, id')).map(alertFromRow);
}
