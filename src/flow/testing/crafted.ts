import { newRawPacket } from '../../capture/packet.js';
import { parseAddress } from '../../decode/address.js';
import { newDecodedPacket, type DecodedPacket } from '../../decode/packet.js';
import type { ConnRecord } from '../conn-record.js';
import { FlowTable, type FlowTableOptions } from '../table.js';

/** Payload bytes actually materialised; larger crafted payloads are "cut by the snaplen" beyond this. */
const MAX_CAPTURED_PAYLOAD = 65_535;

/** Flag letters of `tcp()`: S SYN, A ACK, F FIN, R RST, P PSH, U URG. */
const FLAG_BITS: Record<string, number> = { F: 0x01, S: 0x02, R: 0x04, P: 0x08, A: 0x10, U: 0x20 };

/** One crafted endpoint: `10.0.0.1:1234` or `[2001:db8::1]:80`. */
function endpoint(text: string): { words: Uint32Array; port: number; v6: boolean } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(text);
  if (!m) throw new Error(`bad endpoint ${text}`);
  const words = parseAddress(m[1]);
  if (!words) throw new Error(`bad address ${m[1]}`);
  return { words, port: Number(m[2]), v6: m[1].includes(':') };
}

function ipPacket(from: string, to: string, ipProto: number, l4Header: number, payload: number): DecodedPacket {
  const src = endpoint(from), dst = endpoint(to);
  const p = newDecodedPacket();
  p.ipVersion = src.v6 ? 6 : 4;
  p.etherType = src.v6 ? 0x86dd : 0x0800;
  p.ipOffset = 14;
  p.ipProto = ipProto;
  p.src.set(src.words);
  p.dst.set(dst.words);
  p.srcPort = src.port;
  p.dstPort = dst.port;
  p.srcMac = 0x020000000001;
  p.dstMac = 0x020000000002;
  const ipHeader = src.v6 ? 40 : 20;
  p.ipTotalLength = ipHeader + l4Header + payload;
  p.payloadOffset = p.ipOffset + ipHeader + l4Header;
  p.payloadLength = Math.min(payload, MAX_CAPTURED_PAYLOAD);
  p.payloadWireLength = payload;
  p.data = new Uint8Array(p.payloadOffset + p.payloadLength);
  return p;
}

/**
 * A crafted TCP packet. `flags` as letters ('S', 'SA', 'PA', 'FA', 'R').
 * @example tcp('10.0.0.1:1234', '10.0.0.2:80', 'S', 100, 0)
 */
export function tcp(from: string, to: string, flags: string, seq: number, ack: number, payload = 0, window = 8192): DecodedPacket {
  const p = ipPacket(from, to, 6, 20, payload);
  p.tcpFlags = [...flags].reduce((bits, f) => bits | FLAG_BITS[f], 0);
  p.seq = seq >>> 0;
  p.ack = ack >>> 0;
  p.window = window;
  return p;
}

/** A crafted UDP datagram with `payload` bytes. */
export function udp(from: string, to: string, payload: number): DecodedPacket {
  return ipPacket(from, to, 17, 8, payload);
}

/** A crafted ICMP message between two addresses (ICMPv6 for IPv6 addresses). */
export function icmp(from: string, to: string, type: number, code: number, payload = 56): DecodedPacket {
  const v6 = from.includes(':');
  const p = ipPacket(v6 ? `[${from}]:0` : `${from}:0`, v6 ? `[${to}]:0` : `${to}:0`, v6 ? 58 : 1, 8, payload);
  p.icmpType = type;
  p.icmpCode = code;
  p.srcPort = 0;
  p.dstPort = 0;
  return p;
}

/** Runs timed packets through a fresh FlowTable, flushes at the last time, and returns the records and the table. */
export function track(packets: ReadonlyArray<readonly [number, DecodedPacket]>, opts: Partial<FlowTableOptions> = {}): { records: ConnRecord[]; table: FlowTable } {
  const records: ConnRecord[] = [];
  const table = new FlowTable({ ...opts, onConn: (rec) => records.push(rec) });
  const raw = newRawPacket();
  let last = 0;
  for (const [ts, pkt] of packets) {
    table.add(ts, raw, pkt);
    last = ts;
  }
  table.flush(last);
  return { records, table };
}
