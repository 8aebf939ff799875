import { endpointOrder } from './flow-key.js';
import { icmpCounterpart } from './icmp-pairing.js';
import { sha1Base64Short } from './sha1.js';

/** Seed, two IPv6 addresses, protocol, padding, two ports. */
const MAX_INPUT_BYTES = 2 + 16 + 16 + 1 + 1 + 2 + 2;
/** The hash input, rebuilt for each connection. */
const input = Buffer.alloc(MAX_INPUT_BYTES);

/**
 * Community ID v1 (https://github.com/corelight/community-id-spec) of a
 * connection: SHA-1 over seed, addresses, protocol and ports (ICMP: type and
 * counterpart type or code), endpoints ordered unless the ICMP message is
 * one-way, base64-encoded and prefixed with `1:`.
 * @param orig originator address words (IPv4 as IPv4-mapped)
 * @example communityId(a, 6, b, 80, 6, 4) // → '1:…='
 */
export function communityId(orig: Uint32Array, origPort: number, resp: Uint32Array, respPort: number, ipProto: number, ipVersion: number, seed = 0): string {
  let oneWay = false;
  if (ipProto === 1 || ipProto === 58) oneWay = icmpCounterpart(ipProto, origPort) < 0;
  const swap = !oneWay && endpointOrder(orig, origPort, resp, respPort) > 0;
  let o = input.writeUInt16BE(seed, 0);
  o = writeAddress(input, o, swap ? resp : orig, ipVersion);
  o = writeAddress(input, o, swap ? orig : resp, ipVersion);
  o = input.writeUInt8(ipProto, o);
  o = input.writeUInt8(0, o);
  o = input.writeUInt16BE(swap ? respPort : origPort, o);
  o = input.writeUInt16BE(swap ? origPort : respPort, o);
  return '1:' + sha1Base64Short(input, o);
}

function writeAddress(out: Buffer, offset: number, words: Uint32Array, ipVersion: number): number {
  if (ipVersion === 4) return out.writeUInt32BE(words[3], offset);
  for (let i = 0; i < 4; i++) offset = out.writeUInt32BE(words[i], offset);
  return offset;
}
