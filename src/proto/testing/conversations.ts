import { hexBytes, tsharkRows } from './tshark-rows.js';

/** One payload-carrying frame of a conversation, in capture order. */
export interface Segment {
  isOrig: boolean;
  ts: number;
  data: Uint8Array;
  frame: number;
}

/** A UDP or TCP conversation as tshark sees it; the originator is the sender of its first payload. */
export interface Conversation {
  origH: string;
  origP: number;
  respH: string;
  respP: number;
  segments: Segment[];
}

/**
 * Payloads per conversation, extracted by tshark (the oracle), to feed
 * analyzers before and independently of Tracer's own capture pipeline. TCP
 * retransmissions are left out, so segments concatenate to each direction's
 * stream on clean captures.
 */
export function conversations(file: string, transport: 'udp' | 'tcp', filter: string): Conversation[] {
  const t = transport;
  const rows = tsharkRows(file, `(${filter}) && ${t}.payload && !tcp.analysis.retransmission`, [
    'frame.number', 'frame.time_epoch', 'ip.src', 'ipv6.src', `${t}.srcport`, 'ip.dst', 'ipv6.dst', `${t}.dstport`, `${t}.payload`,
  ]);
  const byKey = new Map<string, Conversation>();
  for (const row of rows) {
    const src = row['ip.src'][0] ?? row['ipv6.src'][0];
    const dst = row['ip.dst'][0] ?? row['ipv6.dst'][0];
    const sport = Number(row[`${t}.srcport`][0]);
    const dport = Number(row[`${t}.dstport`][0]);
    const a = `${src}|${sport}`;
    const b = `${dst}|${dport}`;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    let conv = byKey.get(key);
    if (!conv) {
      conv = { origH: src, origP: sport, respH: dst, respP: dport, segments: [] };
      byKey.set(key, conv);
    }
    conv.segments.push({
      isOrig: src === conv.origH && sport === conv.origP,
      ts: Number(row['frame.time_epoch'][0]),
      data: hexBytes(row[`${t}.payload`][0]),
      frame: Number(row['frame.number'][0]),
    });
  }
  return [...byKey.values()];
}
