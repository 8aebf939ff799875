import { clearTable } from '../store/dialect.js';
import type { Store } from '../store/duckdb.js';
import { alertsSchema } from '../store/schema/alerts.js';
import type { LogRecord } from '../store/schema/types.js';
import type { Alert } from './alert.js';
import { isAllowed, parseAllowlist } from './allowlist.js';
import { DEFAULT_CONFIG, type DetectConfig } from './config.js';
import { DETECTORS } from './detectors.js';
import { intelAlerts } from './intel-matches.js';
import { runSqlDetector } from './sql-detector.js';
import { createAnalysisViews } from './views.js';
import type { IntelIndex } from '../intel/index/intel-index.js';

/** What a detection run produced. */
export interface DetectReport {
  alerts: Alert[];
  /** Alerts dropped by the allowlist. */
  allowed: number;
  /** Seconds per detector. */
  timings: Record<string, number>;
}

/** Threat intel to match the store against; its matches become `intel_match` alerts. */
export interface IntelOptions {
  indexes?: readonly IntelIndex[];
  /** ISO country of an IP, for the explanation (offline GeoIP). */
  country?: (ip: string) => string;
}

/** The alert as a row of the alerts table. */
export function alertRecord(a: Alert): LogRecord {
  return {
    id: a.id, detector: a.detector, severity: a.severity, score: a.score, tactic: a.attack.tactic, technique_id: a.attack.techniqueId,
    technique: a.attack.technique, first_seen: a.firstSeen, last_seen: a.lastSeen, src: a.src, dst: a.dst, explanation: a.explanation,
    evidence: JSON.stringify(a.evidence),
  };
}

/**
 * Runs every detector over the store with `config` (thresholds and allowlist), replaces the
 * alerts table with the result and returns it. Tables missing from an older store are created
 * empty first, so every detector can run.
 * With intel indexes, every IP, name, URL and file hash in the store is matched too.
 * @example const { alerts } = await runDetectors(store, DEFAULT_CONFIG, { indexes: [loadTix('feeds.tix')] });
 */
export async function runDetectors(store: Store, config: DetectConfig = DEFAULT_CONFIG, intel: IntelOptions = {}): Promise<DetectReport> {
  const allowlist = parseAllowlist(config.allow);
  await createAnalysisViews(store);
  const alerts: Alert[] = [];
  const timings: Record<string, number> = {};
  let allowed = 0;
  for (const detector of DETECTORS) {
    const started = performance.now();
    for (const alert of await runSqlDetector(store, detector, config.detectors[detector.name])) {
      if (isAllowed(allowlist, alert)) allowed++;
      else alerts.push(alert);
    }
    timings[detector.name] = (performance.now() - started) / 1000;
  }
  if (intel.indexes?.length) {
    const started = performance.now();
    for (const alert of await intelAlerts(store, intel.indexes, intel.country)) {
      if (isAllowed(allowlist, alert)) allowed++;
      else alerts.push(alert);
    }
    timings.intel_match = (performance.now() - started) / 1000;
  }
  await clearTable(store, alertsSchema);
  const writer = store.writer(alertsSchema);
  for (const alert of alerts) writer.append(alertRecord(alert));
  writer.flush();
  return { alerts, allowed, timings };
}
