import type { LogRecord } from '../store/schema/types.js';

/** The fields of an auth record that every source fills. */
export interface AuthFields {
  ts: number;
  host: string | null;
  service: string | null;
  pid: number | null;
  event: string;
  user: string | null;
  invalidUser: boolean;
  srcIp: string | null;
  srcPort: number | null;
  method: string | null;
  logonType: number | null;
  /** Events the line stands for (`message repeated N times`). */
  count: number;
  rawLine: string;
  sourceFile: string;
  sourceLine: number;
}

/** An `auth` stream record (column names of src/store/schema/auth.ts). */
export function authRecord(f: AuthFields): LogRecord {
  return {
    ts: f.ts, host: f.host, service: f.service, pid: f.pid, event: f.event, user: f.user,
    invalid_user: f.invalidUser, src_ip: f.srcIp, src_port: f.srcPort, method: f.method,
    logon_type: f.logonType, count: f.count, raw_line: f.rawLine, source_file: f.sourceFile, source_line: f.sourceLine,
  };
}
