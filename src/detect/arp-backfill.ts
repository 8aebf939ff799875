import { readCapture } from '../capture/index.js';
import type { RawPacket } from '../capture/packet.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import type { Store } from '../store/duckdb.js';
import { arpSchema } from '../store/schema/arp.js';
import { WeirdCounter } from '../util/weird.js';
import { ArpLog } from '../pipeline/arp-log.js';

/**
 * Reads captures again and appends their ARP messages to the `arp` stream: for stores
 * ingested before the ingest pipeline wrote that stream. Returns the packets read.
 */
export async function backfillArp(store: Store, paths: readonly string[]): Promise<number> {
  await store.ensure(arpSchema);
  const writer = store.writer(arpSchema);
  const arp = new ArpLog(writer);
  const decoder = new PacketDecoder({ weird: new WeirdCounter() });
  const pkt = newDecodedPacket();
  let packets = 0;
  for (const path of paths) {
    await readCapture(path, {
      packet(raw: RawPacket): void {
        decoder.decode(raw, pkt);
        arp.add(raw.tsSec + raw.tsNsec / 1e9, pkt);
        packets++;
      },
      problem(): void {},
    });
  }
  writer.flush();
  return packets;
}
