import type { AnalyzerContext } from '../analyzer.js';
import type { LogRecord } from '../../store/schema/types.js';
import type { DnsMessage } from './message.js';
import { registeredDomain } from './registered-domain.js';
import { opcodeName, qclassName, qtypeName, rcodeName } from './names.js';

/** What dns.log keeps of a query while it waits for its reply. */
export interface PendingQuery {
  ts: number;
  transId: number;
  query: string;
  hasQuestion: boolean;
  qtype: number;
  qclass: number;
  rd: boolean;
  tc: boolean;
  z: number;
  opcode: number;
}

/** Copies the fields dns.log needs from a parsed query message. */
export function pendingFrom(msg: DnsMessage, ts: number): PendingQuery {
  const h = msg.header;
  return { ts, transId: h.id, query: msg.query, hasQuestion: msg.hasQuestion, qtype: msg.qtype, qclass: msg.qclass, rd: h.rd, tc: h.tc, z: h.z, opcode: h.opcode };
}

/**
 * One dns.log record, as Zeek's base/protocols/dns builds it: query-side
 * fields (RD, TC, Z, qtype, qclass) come from the request, reply-side ones
 * (rcode, AA, RA, answers, TTLs, rejected) from the reply; either may be
 * missing (unanswered query, or a reply whose query was not seen).
 */
export function dnsRecord(ctx: AnalyzerContext, query: PendingQuery | null, reply: DnsMessage | null, replyTs: number): LogRecord {
  const h = reply?.header;
  const hasQuestion = query ? query.hasQuestion : reply?.hasQuestion === true;
  const hasAnswers = reply !== null && reply.answers.length > 0;
  const name = hasQuestion ? (query ? query.query : reply?.query ?? null) : null;
  return {
    ts: query ? query.ts : replyTs,
    uid: ctx.uid,
    id_orig_h: ctx.origH,
    id_orig_p: ctx.origP,
    id_resp_h: ctx.respH,
    id_resp_p: ctx.respP,
    proto: ctx.proto,
    trans_id: query ? query.transId : h?.id ?? null,
    rtt: query && reply ? round6(replyTs - query.ts) : null,
    query: name,
    qclass: query?.hasQuestion ? query.qclass : null,
    qclass_name: query?.hasQuestion ? qclassName(query.qclass) : null,
    qtype: query?.hasQuestion ? query.qtype : null,
    qtype_name: query?.hasQuestion ? qtypeName(query.qtype) : null,
    rcode: h ? h.rcode : null,
    rcode_name: h ? rcodeName(h.rcode) : null,
    AA: h ? h.aa : false,
    TC: (query?.tc ?? false) || (h?.tc ?? false),
    RD: query ? query.rd : false,
    RA: h ? h.ra : false,
    Z: query ? query.z : 0,
    answers: hasAnswers ? reply.answers.slice() : null,
    TTLs: hasAnswers ? reply.ttls.slice() : null,
    rejected: h !== undefined && h.ancount === 0 && h.nscount === 0 && h.arcount === 0,
    opcode: query ? query.opcode : h?.opcode ?? null,
    opcode_name: opcodeName(query ? query.opcode : h?.opcode ?? 0),
    registered_domain: registeredDomain(name),
  };
}

/** Microsecond precision, as Zeek prints intervals, without binary noise. */
function round6(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
