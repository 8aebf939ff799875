import { connSchema } from '../store/schema/conn.js';
import { dnsSchema } from '../store/schema/dns.js';
import { httpSchema } from '../store/schema/http.js';
import { sslSchema } from '../store/schema/ssl.js';
import { suricataAlertSchema } from '../store/schema/suricata-alert.js';
import type { LogRecord, LogSchema } from '../store/schema/types.js';
import { parseIsoTime } from './iso-time.js';
import { numberAt, objectAt, parseJsonObject, stringAt, type JsonObject } from './json-line.js';
import type { LineError, LineParser, ParserContext, RecordSink } from './parser.js';
import { dnsToDns, endpoints, flowToConn, httpToHttp, suricataUid, tlsToSsl } from './suricata-records.js';

type Mapper = (ev: JsonObject, ts: number, uid: string | null) => LogRecord;

/** EVE event types read into Tracer streams; others (stats, fileinfo, dhcp…) are skipped. */
const MAPPED: ReadonlyMap<string, [LogSchema, Mapper]> = new Map([
  ['flow', [connSchema, flowToConn]], ['dns', [dnsSchema, dnsToDns]], ['http', [httpSchema, httpToHttp]], ['tls', [sslSchema, tlsToSsl]],
]);
/** flow_id as written: Suricata's ids go up to 2^64, beyond what a JSON number keeps exactly. */
const FLOW_ID = /"flow_id":\s?(\d{1,20})/;

function alertRecord(ev: JsonObject, ts: number, flowId: string | null, lineNo: number, file: string): LogRecord {
  const alert = objectAt(ev, 'alert');
  const { id_orig_h, id_orig_p, id_resp_h, id_resp_p } = endpoints(ev, null);
  return {
    ts, flow_id: flowId, src_ip: id_orig_h, src_port: id_orig_p, dest_ip: id_resp_h, dest_port: id_resp_p,
    proto: stringAt(ev, 'proto')?.toLowerCase() ?? null, action: stringAt(alert, 'action'), gid: numberAt(alert, 'gid'),
    signature_id: numberAt(alert, 'signature_id'), rev: numberAt(alert, 'rev'), signature: stringAt(alert, 'signature'),
    category: stringAt(alert, 'category'), severity: numberAt(alert, 'severity'), app_proto: stringAt(ev, 'app_proto'),
    source_file: file, source_line: lineNo,
  };
}

/** Suricata EVE JSON: alerts into suricata_alert, flow/dns/http/tls into conn/dns/http/ssl (see suricata-records.ts). */
export function suricataEveParser(ctx: ParserContext): LineParser {
  return {
    format: 'suricata-eve',
    parseLine(text: string, lineNo: number, sink: RecordSink): LineError | null {
      const ev = parseJsonObject(text);
      if (!ev) return { code: 'bad_json', reason: text.trim() === '' ? 'empty line in an EVE log' : 'not a JSON object' };
      const type = stringAt(ev, 'event_type');
      if (type === null) return { code: 'eve_no_event_type', reason: 'no event_type' };
      const ts = parseIsoTime(stringAt(ev, 'timestamp') ?? '');
      if (ts === null) return { code: 'eve_bad_timestamp', reason: 'timestamp missing or not ISO 8601' };
      const flowId = FLOW_ID.exec(text)?.[1] ?? null;
      if (type === 'alert') sink.emit(suricataAlertSchema, alertRecord(ev, ts, flowId, lineNo, ctx.file));
      const mapped = MAPPED.get(type);
      if (mapped) sink.emit(mapped[0], mapped[1](ev, ts, suricataUid(flowId)));
      return null;
    },
  };
}
