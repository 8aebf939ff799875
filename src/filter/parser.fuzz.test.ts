import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDecodedPacket } from '../decode/packet.js';
import { compileFilter, FilterSyntaxError } from './index.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 3);
const WORDS = ['tcp', 'udp', 'icmp', 'icmp6', 'ip', 'ip6', 'arp', 'host', 'net', 'port', 'portrange', 'proto', 'vlan', 'src', 'dst',
  'and', 'or', 'not', '&&', '||', '!', '(', ')', 'mask', '10.0.0.1', '10.0.0.0/8', '::1', 'fe80::/10', '80', '1-1024', '255.0.0.0', '\\tcp', '99999'];

/** A decoded packet with arbitrary field values (what hostile bytes could make the decoders produce). */
const packet = fc.record({
  ipVersion: fc.constantFrom(0, 4, 6), ipProto: fc.integer({ min: -1, max: 255 }), etherType: fc.constantFrom(0, 0x0800, 0x86dd, 0x0806, 0x8035),
  srcPort: fc.integer({ min: 0, max: 65535 }), dstPort: fc.integer({ min: 0, max: 65535 }), vlan: fc.integer({ min: -1, max: 4095 }),
  ipFragmentOffset: fc.integer({ min: -1, max: 65528 }), reassembled: fc.boolean(), ipOffset: fc.integer({ min: 0, max: 80 }),
  data: fc.uint8Array({ maxLength: 100 }), src: fc.uint32Array({ minLength: 4, maxLength: 4 }), dst: fc.uint32Array({ minLength: 4, maxLength: 4 }),
  arpSenderIp: fc.integer(), arpTargetIp: fc.integer(),
});

describe('filter parser and predicates on arbitrary input', () => {
  it('either compile or throw FilterSyntaxError; predicates never throw and return booleans', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')));
    fc.assert(fc.property(text, fc.array(packet, { maxLength: 5 }), (expr, packets) => {
      let match;
      try {
        match = compileFilter(expr);
      } catch (err) {
        expect(err).toBeInstanceOf(FilterSyntaxError);
        return;
      }
      for (const fields of packets) expect(typeof match(Object.assign(newDecodedPacket(), fields))).toBe('boolean');
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });
});
