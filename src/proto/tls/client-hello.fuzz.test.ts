import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseClientHello } from './client-hello.js';
import { FUZZ_MS, mutationsOf, tlsStreams } from './fuzz-seeds.js';
import { ja3 } from './ja3.js';
import { ja4 } from './ja4.js';
import { parseServerHello } from './server-hello.js';

/** Handshake bodies of the first record of each stream (ClientHello or ServerHello). */
const bodies = tlsStreams().filter((s) => s[0] === 0x16 && s.length > 9).map((s) => s.subarray(9, 5 + ((s[3] << 8) | s[4])));

it('hello parsers and fingerprints survive mutated real hellos', () => {
  fc.assert(fc.property(mutationsOf(bodies), (body) => {
    const client = parseClientHello(body);
    if (typeof client === 'string') expect(client).toMatch(/^tls_[a-z_]+$/);
    else {
      expect(ja3(client)).toMatch(/^[0-9a-f]{32}$/);
      expect(ja4(client)).toMatch(/^t(1[0-3]|s[23]|00)[di]\d{4}[0-9A-Za-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$/);
      expect(client.serverName).not.toMatch(/[\x00-\x1f\x7f]/);
    }
    const server = parseServerHello(body);
    if (typeof server === 'string') expect(server).toMatch(/^tls_[a-z_]+$/);
    else expect(server.cipher).toBeLessThanOrEqual(0xffff);
  }), { interruptAfterTimeLimit: FUZZ_MS, numRuns: Number.MAX_SAFE_INTEGER });
});
