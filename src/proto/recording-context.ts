import type { AnalyzerContext } from './analyzer.js';
import type { LogRecord } from '../store/schema/types.js';

/** Test support: an AnalyzerContext that records what an analyzer emits. */
export interface RecordingContext extends AnalyzerContext {
  records: Array<{ stream: string; record: LogRecord }>;
  weirds: string[];
  services: string[];
  /** Records of one stream. */
  stream(name: string): LogRecord[];
}

/** Creates a {@link RecordingContext} for a connection with the given uid (10.0.0.1:40000 → 10.0.0.2:80, both local unless told). */
export function recordingContext(uid = 'CTest', proto = 'tcp', local: readonly [boolean, boolean] = [true, true]): RecordingContext {
  const records: Array<{ stream: string; record: LogRecord }> = [];
  const weirds: string[] = [];
  const services: string[] = [];
  return {
    uid, origH: '10.0.0.1', origP: 40000, respH: '10.0.0.2', respP: 80, proto, localOrig: local[0], localResp: local[1], records, weirds, services,
    emit(stream, record) { records.push({ stream, record }); },
    weird(name) { weirds.push(name); },
    setService(name) { if (!services.includes(name)) services.push(name); },
    stream(name) { return records.filter((r) => r.stream === name).map((r) => r.record); },
  };
}
