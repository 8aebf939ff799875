import { numberAt, objectAt, stringAt, type JsonObject } from './json-line.js';
import { parseIsoTime } from './iso-time.js';
import type { LogRecord } from '../store/schema/types.js';

/**
 * Mapping of Suricata EVE events onto Tracer's Zeek-named streams. What
 * cannot be mapped: conn has no orig_bytes/resp_bytes (EVE counts IP bytes,
 * stored as orig_ip_bytes/resp_ip_bytes), no conn_state or history (EVE's
 * flow state is new/established/closed); dns queries and answers stay
 * separate records (EVE v1 logs them apart); http has no request body length;
 * ssl has no cipher, curve or established flag (EVE tls does not log them).
 */

/** The conn uid given to every record of one Suricata flow: `S` + flow_id (the exact digits of the line). */
export function suricataUid(flowId: string | null): string | null {
  return flowId === null ? null : 'S' + flowId;
}

/** The Zeek 5-tuple columns of an EVE event. */
export function endpoints(ev: JsonObject, uid: string | null): LogRecord {
  return {
    uid, id_orig_h: stringAt(ev, 'src_ip'), id_orig_p: numberAt(ev, 'src_port'),
    id_resp_h: stringAt(ev, 'dest_ip'), id_resp_p: numberAt(ev, 'dest_port'),
  };
}

function lowerProto(ev: JsonObject): string | null {
  return stringAt(ev, 'proto')?.toLowerCase() ?? null;
}

/** A `flow` event as a conn record (ts = flow start). */
export function flowToConn(ev: JsonObject, ts: number, uid: string | null): LogRecord {
  const flow = objectAt(ev, 'flow');
  const start = parseIsoTime(stringAt(flow, 'start') ?? '') ?? ts;
  const end = parseIsoTime(stringAt(flow, 'end') ?? '');
  const appProto = stringAt(ev, 'app_proto');
  return {
    ts: start, ...endpoints(ev, uid), proto: lowerProto(ev),
    service: appProto === null || appProto === 'failed' ? null : appProto,
    duration: end === null ? null : Math.round((end - start) * 1e6) / 1e6,
    orig_pkts: numberAt(flow, 'pkts_toserver'), orig_ip_bytes: numberAt(flow, 'bytes_toserver'),
    resp_pkts: numberAt(flow, 'pkts_toclient'), resp_ip_bytes: numberAt(flow, 'bytes_toclient'),
    community_id: stringAt(ev, 'community_id'),
  };
}

/** Answers of an EVE v2 `grouped` answer (`{ A: ["1.2.3.4"], CNAME: [...] }`), which carries no TTLs. */
function groupedAnswers(grouped: JsonObject): unknown[] {
  return Object.values(grouped).flatMap((list) => (Array.isArray(list) ? list.map((rdata: unknown) => ({ rdata })) : []));
}

/** DNS answers of an EVE v1 answer event (`rdata`, `ttl`), a v2 detailed one (`answers: [{ rdata, ttl }]`) or a v2 grouped one. */
function dnsAnswers(dns: JsonObject | null): [string[], number[] | null] {
  const grouped = objectAt(dns, 'grouped');
  const list = Array.isArray(dns?.answers) ? (dns.answers as unknown[]) : grouped ? groupedAnswers(grouped) : dns && 'rdata' in dns ? [dns] : [];
  const answers: string[] = [];
  const ttls: number[] = [];
  for (const a of list) {
    const answer = a !== null && typeof a === 'object' ? (a as JsonObject) : null;
    const rdata = stringAt(answer, 'rdata');
    if (rdata === null) continue;
    answers.push(rdata);
    const ttl = numberAt(answer, 'ttl');
    if (ttl !== null) ttls.push(ttl);
  }
  return [answers, ttls.length === answers.length ? ttls : null]; // TTLs only when every answer has one, as Zeek pairs them
}

/** A `dns` event (query or answer) as a dns record. */
export function dnsToDns(ev: JsonObject, ts: number, uid: string | null): LogRecord {
  const dns = objectAt(ev, 'dns');
  const [answers, ttls] = dnsAnswers(dns);
  const isAnswer = stringAt(dns, 'type') === 'answer';
  return {
    ts, ...endpoints(ev, uid), proto: lowerProto(ev), trans_id: numberAt(dns, 'id'),
    query: stringAt(dns, 'rrname')?.toLowerCase() ?? null, qtype_name: stringAt(dns, 'rrtype'),
    rcode_name: stringAt(dns, 'rcode'), opcode: numberAt(dns, 'opcode'),
    answers: isAnswer ? answers : null, TTLs: isAnswer ? ttls : null,
  };
}

/** An `http` event as an http record. */
export function httpToHttp(ev: JsonObject, ts: number, uid: string | null): LogRecord {
  const http = objectAt(ev, 'http');
  const txId = numberAt(ev, 'tx_id');
  return {
    ts, ...endpoints(ev, uid), trans_depth: txId === null ? null : txId + 1,
    method: stringAt(http, 'http_method'), host: stringAt(http, 'hostname'), uri: stringAt(http, 'url'),
    referrer: stringAt(http, 'http_refer'), version: stringAt(http, 'protocol')?.replace(/^HTTP\//, '') ?? null,
    user_agent: stringAt(http, 'http_user_agent'), status_code: numberAt(http, 'status'),
    response_body_len: numberAt(http, 'length'),
  };
}

/** `TLS 1.2` → `TLSv12` (Zeek's spelling); other names as they are. */
function zeekTlsVersion(version: string | null): string | null {
  const m = version === null ? null : /^TLS ?v?1\.(\d)$/.exec(version);
  return m ? `TLSv1${m[1]}` : version;
}

/** A `tls` event as an ssl record. */
export function tlsToSsl(ev: JsonObject, ts: number, uid: string | null): LogRecord {
  const tls = objectAt(ev, 'tls');
  return {
    ts, ...endpoints(ev, uid), version: zeekTlsVersion(stringAt(tls, 'version')), server_name: stringAt(tls, 'sni'),
    ja3: stringAt(objectAt(tls, 'ja3'), 'hash'), ja3s: stringAt(objectAt(tls, 'ja3s'), 'hash'),
    ja4: stringAt(tls, 'ja4'),
  };
}
