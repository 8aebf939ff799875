import { describe, expect, it } from 'vitest';
import { CaptureState } from './capture-state.js';
import { CollectingSink } from './collecting-sink.js';
import { MAX_INTERFACES_LISTED } from './limits.js';

describe('CaptureState', () => {
  it(`lists at most ${MAX_INTERFACES_LISTED} interfaces and says so once`, () => {
    const sink = new CollectingSink();
    const state = new CaptureState(sink);
    for (let n = 0; n < MAX_INTERFACES_LISTED + 3; n++) state.addInterface({ id: 0, linkType: 1, snaplen: 0, tsUnitsPerSec: 1e6 }, n);
    expect(state.summary('pcapng', false, 0).interfaces).toHaveLength(MAX_INTERFACES_LISTED);
    expect(sink.interfaces).toHaveLength(MAX_INTERFACES_LISTED + 3);
    expect(sink.problems).toEqual([expect.objectContaining({ code: 'capture_too_many_interfaces', offset: MAX_INTERFACES_LISTED })]);
  });

  it('numbers packets and keeps the earliest and latest time, whatever the order', () => {
    const sink = new CollectingSink();
    const state = new CaptureState(sink);
    for (const [sec, nsec] of [[20, 5], [10, 999_999_999], [20, 7], [10, 1]]) {
      Object.assign(state.packet, { tsSec: sec, tsNsec: nsec });
      state.emitPacket(true);
    }
    Object.assign(state.packet, { tsSec: 0, tsNsec: 0 });
    state.emitPacket(false);
    const summary = state.summary('pcap', false, 123);
    expect(sink.packets.map((p) => p.frameNumber)).toEqual([1, 2, 3, 4, 5]);
    expect([summary.firstTs, summary.lastTs]).toEqual([10.000000001, 20.000000007]);
    expect(summary).toMatchObject({ packets: 5, bytes: 123, problems: 0, truncated: false });
    expect(state.referenceSec).toBe(10);
  });

  it('keeps its time reference when one packet has a damaged time', () => {
    const state = new CaptureState({ packet() {} });
    for (const sec of [1_600_000_000, 1_600_000_001, 3_900_000_000, 1_600_000_002]) {
      state.packet.tsSec = sec;
      state.emitPacket(true);
      expect(state.referenceSec).toBeLessThan(1_700_000_000);
    }
    state.packet.tsSec = 1_600_000_003;
    state.emitPacket(true);
    expect(state.referenceSec).toBe(1_600_000_003);
  });

  it('lists each link type once, in order of first appearance', () => {
    const state = new CaptureState({ packet() {} });
    for (const linkType of [1, 113, 1]) state.addInterface({ id: 0, linkType, snaplen: 0, tsUnitsPerSec: 1e6 }, 0);
    expect(state.summary('pcapng', true, 0)).toMatchObject({ linkTypes: [1, 113], compressed: true, firstTs: null, lastTs: null });
  });
});
