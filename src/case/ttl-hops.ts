import { readCapture } from '../capture/index.js';
import { parseAddress } from '../decode/address.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import type { NewElement } from './path.js';

/** How many packets' TTLs are counted per direction before reading stops mattering. */
const MAX_SAMPLES = 10_000;

/** Initial TTLs operating systems use (Linux/macOS 64, Windows 128, network gear 255); 32 for old stacks. */
const INITIAL_TTLS = [32, 64, 128, 255];

/** Routed hops a packet crossed before the capture point: its sender's likely initial TTL minus what was seen. */
export function hopsFromTtl(ttl: number): { initial: number; hops: number } {
  const initial = INITIAL_TTLS.find((t) => t >= ttl) ?? 255;
  return { initial, hops: initial - ttl };
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** The most frequent TTL of each direction between `a` and `b` in the captures (0 when none seen). */
export async function observedTtls(paths: readonly string[], a: string, b: string): Promise<{ fromA: number; fromB: number }> {
  const wordsA = parseAddress(a);
  const wordsB = parseAddress(b);
  if (!wordsA || !wordsB) return { fromA: 0, fromB: 0 };
  const counts = [new Map<number, number>(), new Map<number, number>()];
  const decoder = new PacketDecoder();
  const pkt = newDecodedPacket();
  let seen = 0;
  for (const path of paths) {
    await readCapture(path, {
      problem: () => undefined,
      packet: (raw) => {
        if (seen >= 2 * MAX_SAMPLES) return;
        decoder.decode(raw, pkt);
        if (pkt.ipVersion === 0 || pkt.tunnelDepth > 0) return;
        const side = sameWords(pkt.src, wordsA) && sameWords(pkt.dst, wordsB) ? 0 : sameWords(pkt.src, wordsB) && sameWords(pkt.dst, wordsA) ? 1 : -1;
        if (side < 0) return;
        counts[side].set(pkt.ttl, (counts[side].get(pkt.ttl) ?? 0) + 1);
        seen++;
      },
    });
  }
  const mode = (m: Map<number, number>): number => [...m].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? 0;
  return { fromA: mode(counts[0]), fromB: mode(counts[1]) };
}

/**
 * Routed hops proposed from TTLs: when packets from one end arrive with a TTL below its likely
 * initial value, that many routers lie between that end and the capture point. One router
 * element stands for them on each side where some were seen, with the TTL arithmetic as facts.
 */
export function ttlElements(source: string, destination: string, ttls: { fromA: number; fromB: number }): { sourceSide: NewElement[]; destinationSide: NewElement[] } {
  const side = (from: string, ttl: number, where: 'source' | 'destination'): NewElement[] => {
    if (ttl === 0) return [];
    const { initial, hops } = hopsFromTtl(ttl);
    if (hops === 0) return [];
    const facts = [{ key: 'observed_TTL', value: String(ttl) }, { key: 'initial_TTL', value: String(initial) }, { key: 'routed_hops', value: String(hops) }];
    return [{
      type: 'router', name: `${hops} routed hop(s) from ${from} (TTL ${ttl} of ${initial})`, movement: 'direct',
      sourceFacts: where === 'source' ? facts : [], destinationFacts: where === 'destination' ? facts : [],
    }];
  };
  return { sourceSide: side(source, ttls.fromA, 'source'), destinationSide: side(destination, ttls.fromB, 'destination') };
}
