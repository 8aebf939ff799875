/**
 * ICMP request/reply pairing as Zeek (ICMP4_counterpart / ICMP6_counterpart)
 * and Community ID do it: a two-way message type maps to its counterpart, so
 * that an echo request and its reply share one connection (orig_p = type,
 * resp_p = counterpart type). One-way messages use the code as resp_p.
 */

/** ICMPv4 two-way types: echo, timestamp, information, router solicitation, address mask. */
const ICMP4_PAIRS: ReadonlyArray<readonly [number, number]> = [[8, 0], [13, 14], [15, 16], [10, 9], [17, 18]];
/** ICMPv6 two-way types: echo, MLD query/report, router and neighbour discovery, node information, home agent discovery. */
const ICMP6_PAIRS: ReadonlyArray<readonly [number, number]> = [[128, 129], [130, 131], [133, 134], [135, 136], [139, 140], [144, 145]];

function pairTable(pairs: ReadonlyArray<readonly [number, number]>): Int16Array {
  const table = new Int16Array(256).fill(-1);
  for (const [a, b] of pairs) {
    table[a] = b;
    table[b] = a;
  }
  return table;
}

const icmp4Table = pairTable(ICMP4_PAIRS);
const icmp6Table = pairTable(ICMP6_PAIRS);

/**
 * The counterpart message type of `type`, or -1 for a one-way message.
 * @param ipProto 1 (ICMP) or 58 (ICMPv6)
 * @example icmpCounterpart(1, 8) // → 0 (echo reply)
 */
export function icmpCounterpart(ipProto: number, type: number): number {
  return (ipProto === 58 ? icmp6Table : icmp4Table)[type & 0xff];
}
