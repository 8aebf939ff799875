import { readU16, readU32 } from '../../decode/bytes.js';
import { newDnsHeader, parseDnsHeader, type DnsHeader } from './header.js';
import { HEADER_LEN, MAX_LOGGED_ANSWERS, MAX_QUESTIONS, MAX_RECORDS_PER_SECTION } from './limits.js';
import { newNameRead, readName, type NameRead } from './name.js';
import { renderRdata, TYPE_A, TYPE_AAAA, TYPE_OPT } from './rdata.js';

/** Where anomalies go (an AnalyzerContext fits). */
export interface WeirdSink {
  weird(name: string, addl?: string): void;
}

/** One DNS message as dns.log needs it; reused between messages (arrays are truncated, not replaced). */
export interface DnsMessage {
  header: DnsHeader;
  /** The first question, when there is one. */
  hasQuestion: boolean;
  query: string;
  qtype: number;
  qclass: number;
  /** Rendered answer-section data, at most MAX_LOGGED_ANSWERS. */
  answers: string[];
  /** TTL in seconds of each entry of `answers`. */
  ttls: number[];
  /** A/AAAA answers as (owner name, address) pairs, for passive DNS. */
  addressOwners: string[];
  addresses: string[];
  /** True when an EDNS OPT record was present in the additional section. */
  edns: boolean;
  /** Scratch space for name reads. */
  scratch: NameRead;
}

/** An empty message holder for {@link parseDnsMessage}. */
export function newDnsMessage(): DnsMessage {
  return {
    header: newDnsHeader(), hasQuestion: false, query: '', qtype: 0, qclass: 0,
    answers: [], ttls: [], addressOwners: [], addresses: [], edns: false, scratch: newNameRead(),
  };
}

/**
 * Parses a whole DNS message (RFC 1035 §4.1) into `msg`. Never throws: false
 * when even the header is missing; otherwise everything valid up to the first
 * malformed part is kept and the problem is reported to `sink` by code
 * (`dns_truncated_header`, `dns_pointer_loop`, `dns_truncated_rr`…).
 */
export function parseDnsMessage(b: Uint8Array, msg: DnsMessage, sink: WeirdSink): boolean {
  msg.hasQuestion = false;
  msg.query = '';
  msg.answers.length = msg.ttls.length = msg.addressOwners.length = msg.addresses.length = 0;
  msg.edns = false;
  if (!parseDnsHeader(b, msg.header)) {
    sink.weird('dns_truncated_header');
    return false;
  }
  let pos = parseQuestions(b, msg, sink);
  const h = msg.header;
  if (pos >= 0) pos = parseRecords(b, pos, h.ancount, true, msg, sink);
  if (pos >= 0) pos = parseRecords(b, pos, h.nscount, false, msg, sink);
  if (pos >= 0) parseRecords(b, pos, h.arcount, false, msg, sink);
  return true;
}

function parseQuestions(b: Uint8Array, msg: DnsMessage, sink: WeirdSink): number {
  const count = msg.header.qdcount;
  if (count > MAX_QUESTIONS) {
    sink.weird('dns_too_many_questions', `${count}`);
    return -1;
  }
  let pos = HEADER_LEN;
  for (let i = 0; i < count; i++) {
    if (!readName(b, pos, msg.scratch)) return stop(sink, msg.scratch.error, pos);
    pos = msg.scratch.end;
    if (pos + 4 > b.length) return stop(sink, 'dns_truncated_question', pos);
    if (i === 0) {
      msg.hasQuestion = true;
      msg.query = msg.scratch.name;
      msg.qtype = readU16(b, pos);
      msg.qclass = readU16(b, pos + 2);
    }
    pos += 4;
  }
  return pos;
}

/** Parses `count` resource records from `pos`; answers are rendered. Returns the offset after them or -1. */
function parseRecords(b: Uint8Array, pos: number, count: number, isAnswer: boolean, msg: DnsMessage, sink: WeirdSink): number {
  if (count > MAX_RECORDS_PER_SECTION) {
    sink.weird('dns_too_many_records', `${count}`);
    count = MAX_RECORDS_PER_SECTION;
  }
  const scratch = msg.scratch;
  for (let i = 0; i < count; i++) {
    if (!readName(b, pos, scratch)) return stop(sink, scratch.error, pos);
    const owner = scratch.name;
    pos = scratch.end;
    if (pos + 10 > b.length) return stop(sink, 'dns_truncated_rr', pos);
    const type = readU16(b, pos);
    const ttl = readU32(b, pos + 4);
    const rdLen = readU16(b, pos + 8);
    const rdStart = pos + 10;
    if (rdStart + rdLen > b.length) return stop(sink, 'dns_truncated_rr', pos);
    pos = rdStart + rdLen;
    if (type === TYPE_OPT) {
      if (msg.edns) sink.weird('dns_multiple_opt');
      msg.edns = true;
      continue;
    }
    if (!isAnswer || msg.answers.length >= MAX_LOGGED_ANSWERS) continue;
    const text = renderRdata(b, type, rdStart, rdLen, scratch);
    if (text === null) {
      sink.weird(scratch.error, `offset ${rdStart}`);
      continue;
    }
    msg.answers.push(text);
    msg.ttls.push(ttl);
    if (type === TYPE_A || type === TYPE_AAAA) {
      msg.addressOwners.push(owner);
      msg.addresses.push(text);
    }
  }
  return pos;
}

function stop(sink: WeirdSink, code: string, offset: number): -1 {
  sink.weird(code, `offset ${offset}`);
  return -1;
}
