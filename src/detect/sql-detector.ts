import { dialectOf, type Dialect } from '../store/dialect.js';
import type { Row, Store } from '../store/duckdb.js';
import { dialectSql } from '../store/sql-file.js';
import { makeAlert, type Alert, type Attack, type Severity } from './alert.js';
import type { DetectorParams } from './config.js';

/** What a detector says about one result row of its SQL file. */
export interface Finding {
  severity: Severity;
  /** One sentence with the numbers that triggered the alert. */
  explanation: string;
  /** Counts and references beyond the connection uids. */
  evidence: Record<string, unknown>;
}

/**
 * An aggregating detector: `sql/<file>.sql` returns one row per finding with the columns
 * key, src, dst (list), first_seen, last_seen, score and uids, plus its own measures;
 * `describe` turns a row into severity, explanation and evidence.
 */
export interface SqlDetector {
  name: string;
  attack: Attack;
  file: string;
  describe(row: Row, params: DetectorParams): Finding;
}

/**
 * The text of `sql/<name>.sql` beside this module (copied into dist/ by the build), or of its
 * ClickHouse version `sql/clickhouse/<name>.sql`.
 */
export function detectorSql(name: string, dialect: Dialect = 'duckdb'): string {
  return dialectSql(new URL('./sql/', import.meta.url), name, dialect);
}

/** Runs one SQL detector with its parameters and returns its alerts. */
export async function runSqlDetector(store: Store, detector: SqlDetector, params: DetectorParams): Promise<Alert[]> {
  const rows = await store.all(detectorSql(detector.file, dialectOf(store)), params);
  return rows.map((row) => {
    const finding = detector.describe(row, params);
    return makeAlert({
      key: String(row.key), detector: detector.name, attack: detector.attack, score: Number(row.score),
      firstSeen: Number(row.first_seen), lastSeen: Number(row.last_seen ?? row.first_seen),
      src: String(row.src), dst: (row.dst as unknown[]).map(String),
      severity: finding.severity, explanation: finding.explanation,
      evidence: { ...finding.evidence, uids: row.uids ?? [] },
    });
  });
}

/** Formats a count with thousands separators: `count(1994)` → `1,994`. */
export function count(n: unknown): string {
  return Number(n).toLocaleString('en-US');
}

/** Formats a byte count: `bytes(4_000_000)` → `4.0 MB`. */
export function bytes(n: unknown): string {
  const v = Number(n);
  if (v >= 1e9) return `${(v / 1e9).toFixed(1)} GB`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)} MB`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)} kB`;
  return `${v} B`;
}

/** Formats seconds: `seconds(95)` → `95 s`, `seconds(7200)` → `2.0 h`. */
export function seconds(n: unknown): string {
  const v = Number(n);
  if (v >= 3600) return `${(v / 3600).toFixed(1)} h`;
  if (v >= 120) return `${(v / 60).toFixed(1)} min`;
  return `${Math.round(v * 10) / 10} s`;
}
