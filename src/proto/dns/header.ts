import { readU16 } from '../../decode/bytes.js';
import { HEADER_LEN } from './limits.js';

/** The fixed 12-byte DNS header (RFC 1035 §4.1.1), decoded into a reused object. */
export interface DnsHeader {
  id: number;
  /** True for a response. */
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  /** The three reserved/AD/CD bits, as Zeek's `Z`. */
  z: number;
  rcode: number;
  qdcount: number;
  ancount: number;
  nscount: number;
  arcount: number;
}

/** A zeroed header to be filled by {@link parseDnsHeader}. */
export function newDnsHeader(): DnsHeader {
  return { id: 0, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0, qdcount: 0, ancount: 0, nscount: 0, arcount: 0 };
}

/** Fills `out` from the first 12 bytes of `b`; false when `b` is shorter than a header. */
export function parseDnsHeader(b: Uint8Array, out: DnsHeader): boolean {
  if (b.length < HEADER_LEN) return false;
  const flags = readU16(b, 2);
  out.id = readU16(b, 0);
  out.qr = (flags & 0x8000) !== 0;
  out.opcode = (flags >> 11) & 0xf;
  out.aa = (flags & 0x0400) !== 0;
  out.tc = (flags & 0x0200) !== 0;
  out.rd = (flags & 0x0100) !== 0;
  out.ra = (flags & 0x0080) !== 0;
  out.z = (flags >> 4) & 0x7;
  out.rcode = flags & 0xf;
  out.qdcount = readU16(b, 4);
  out.ancount = readU16(b, 6);
  out.nscount = readU16(b, 8);
  out.arcount = readU16(b, 10);
  return true;
}
