import fc from 'fast-check';
import { expect, it } from 'vitest';
import { recordingContext } from '../recording-context.js';
import { FUZZ_MS, mutationsOf, tlsStreams } from './fuzz-seeds.js';
import { TlsSession } from './state.js';

const streams = tlsStreams();

it('TlsSession survives mutated real streams and logs sane records', () => {
  fc.assert(fc.property(mutationsOf(streams), mutationsOf(streams), fc.integer({ min: 1, max: 4096 }), (client, server, chunk) => {
    const ctx = recordingContext();
    const session = new TlsSession(ctx);
    const offered = [client, server];
    for (let step = 0; step < 64 && (offered[0].length > 0 || offered[1].length > 0); step++) {
      for (const side of [0, 1]) {
        const used = session.deliver(side === 0, offered[side].subarray(0, chunk * (step + 1)), step);
        expect(used).toBeGreaterThanOrEqual(0);
        expect(used).toBeLessThanOrEqual(offered[side].length);
        offered[side] = offered[side].subarray(used);
      }
    }
    session.end();
    for (const code of ctx.weirds) expect(code).toMatch(/^(tls|x509)_[a-z_]+$/);
    for (const r of ctx.stream('ssl')) expect(String(r.server_name ?? '')).not.toMatch(/[\x00-\x1f\x7f]/);
  }), { interruptAfterTimeLimit: FUZZ_MS, numRuns: Number.MAX_SAFE_INTEGER });
});
