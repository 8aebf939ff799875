import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvMetadataLine } from '../capture/csv-metadata.js';
import { newRawPacket } from '../capture/packet.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { LiveEventStream } from './event-stream.js';
import { LiveAnalysis } from './live-analysis.js';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
const LINKTYPE_ETHERNET = 1;
/** An Ethernet + IPv4 header prefix, so many inputs reach the transport and application decoders. */
const IPV4_PREFIX = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00, 0x45, 0];

describe('live analysis on hostile frames', () => {
  it('never throws; totals and CSV lines stay sane', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 5_000_000 })), { maxLength: 60 }),
      async (frames) => {
        const events = new LiveEventStream(16);
        const live = await LiveAnalysis.create({ events, uidSeed: 'fuzz', source: 'live:fuzz' });
        const decoder = new PacketDecoder();
        const pkt = newDecodedPacket();
        const raw = newRawPacket();
        let ts = 1_700_000_000;
        for (const [prefixed, body, gapMicros] of frames) {
          const data = prefixed ? Uint8Array.from([...IPV4_PREFIX, ...body]) : body;
          ts += gapMicros / 1e6;
          Object.assign(raw, { data, caplen: data.length, origLen: data.length, linkType: LINKTYPE_ETHERNET, tsSec: Math.floor(ts), tsNsec: Math.round((ts % 1) * 1e6) * 1000 });
          decoder.decode(raw, pkt);
          expect(csvMetadataLine(raw, pkt).trimEnd().split(',')).toHaveLength(7);
          live.packet(ts, raw, pkt);
          await live.tick(ts);
        }
        const report = await live.finish(ts);
        expect(report.packets).toBe(frames.length);
        expect(report.eventsDropped).toBeGreaterThanOrEqual(0);
      },
    ), { interruptAfterTimeLimit: FUZZ_MS, numRuns: 1_000_000 });
  }, FUZZ_MS + 10_000);
});
