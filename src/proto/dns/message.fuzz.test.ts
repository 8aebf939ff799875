import fc from 'fast-check';
import { expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { hexBytes, tsharkRows } from '../testing/tshark-rows.js';
import { MAX_LOGGED_ANSWERS } from './limits.js';
import { newDnsMessage, parseDnsMessage } from './message.js';

const seeds = tsharkRows(corpus('pcaps/dns-tunnel/dmachard_sods.pcap'), 'dns', ['udp.payload'])
  .concat(tsharkRows(corpus('pcaps/dns/zeek_dns-txt-multiple.pcap'), 'dns', ['udp.payload']))
  .map((row) => hexBytes(row['udp.payload'][0]));

/** A real DNS payload with a few bytes overwritten, cut short or extended. */
const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), fc.uint8Array({ maxLength: 16 }))
  .map(([seed, edits, cut, tail]) => {
    const bytes = Uint8Array.from([...seed.subarray(0, seed.length - (cut % 8)), ...tail]);
    for (const [at, value] of edits) bytes[at % bytes.length] = value;
    return bytes;
  });

it('parseDnsMessage survives mutated real payloads with sane output', () => {
  const msg = newDnsMessage();
  const codes: string[] = [];
  const sink = { weird: (name: string) => { codes.push(name); } };
  fc.assert(fc.property(mutated, (bytes) => {
    codes.length = 0;
    const ok = parseDnsMessage(bytes, msg, sink);
    expect(ok).toBe(bytes.length >= 12);
    expect(msg.answers.length).toBe(msg.ttls.length);
    expect(msg.answers.length).toBeLessThanOrEqual(MAX_LOGGED_ANSWERS);
    for (const code of codes) expect(code).toMatch(/^dns_[a-z_]+$/);
    for (const text of msg.answers) expect(text).not.toMatch(/[\x00-\x1f\x7f]/);
  }), { interruptAfterTimeLimit: Number(process.env.FUZZ_SECONDS ?? 3) * 1000, numRuns: Number.MAX_SAFE_INTEGER });
});
