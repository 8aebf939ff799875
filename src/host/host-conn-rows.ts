import type { LogRecord } from '../store/schema/types.js';
import type { HostLog } from './host-log-reader.js';

/**
 * host_conns rows of a host log: each birth certificate with its death (when
 * seen) merged in; the schema's columns are taken, chain fields ignored.
 * @example for (const row of hostConnRows(readHostLog(path))) writer.append(row);
 */
export function* hostConnRows(log: HostLog): Generator<LogRecord> {
  for (const birth of log.births) {
    const death = log.deaths.get(birth.seq);
    yield {
      ...birth,
      log_seq: birth.seq,
      last_seen: death?.last_seen ?? null,
      death_ts: death?.ts ?? null,
      duration_min: death?.duration_min ?? null,
      duration_max: death?.duration_max ?? null,
      risk: death ? Math.max(death.risk, birth.risk) : birth.risk,
      risk_reasons: death ? [...new Set([...birth.risk_reasons, ...death.risk_reasons])] : birth.risk_reasons,
    } as unknown as LogRecord;
  }
}
