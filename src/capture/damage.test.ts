import { describe, expect, it } from 'vitest';
import { CaptureState } from './capture-state.js';
import { CollectingSink } from './collecting-sink.js';
import { Damage } from './damage.js';
import { MAX_RESYNC_SCAN_BYTES } from './limits.js';

function setup() {
  const sink = new CollectingSink();
  const state = new CaptureState(sink);
  return { sink, state, damage: new Damage(state) };
}

describe('Damage', () => {
  it('reports once, when the scan finds a record, with the bytes skipped', () => {
    const { sink, state, damage } = setup();
    damage.begin('pcap_bad_caplen', 100, 'record caplen 9 is above its original length 3');
    expect(sink.problems).toEqual([]);
    damage.resume(140);
    expect(damage.active).toBe(false);
    expect(sink.problems).toEqual([{ code: 'pcap_bad_caplen', offset: 100, message: 'record caplen 9 is above its original length 3; skipped 40 bytes to the next plausible record at offset 140' }]);
    expect(state.problems).toBe(1);
  });

  it('reports damage that runs to the end of the input', () => {
    const { sink, damage } = setup();
    damage.begin('pcapng_bad_block_length', 8, 'bad');
    damage.endOfInput(108);
    expect(sink.problems[0].message).toBe('bad; no plausible record in the 100 bytes up to the end of the input');
  });

  it(`starts a new problem after every ${MAX_RESYNC_SCAN_BYTES} bytes scanned`, () => {
    const { sink, damage } = setup();
    damage.begin('pcap_bad_caplen', 0, 'bad');
    damage.checkBudget(MAX_RESYNC_SCAN_BYTES - 1);
    expect(sink.problems).toHaveLength(0);
    damage.checkBudget(MAX_RESYNC_SCAN_BYTES);
    damage.resume(MAX_RESYNC_SCAN_BYTES + 5);
    expect(sink.problems.map((p) => [p.offset, p.message])).toEqual([
      [0, `bad; no plausible record in the next ${MAX_RESYNC_SCAN_BYTES} bytes, still scanning`],
      [MAX_RESYNC_SCAN_BYTES, 'bad; skipped 5 bytes to the next plausible record at offset 67108869'],
    ]);
  });
});
