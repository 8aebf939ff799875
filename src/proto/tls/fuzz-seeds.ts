import fc from 'fast-check';
import { corpus } from '../../../test/helpers/corpus.js';
import { TLS_CAPTURES } from '../testing/captures.js';
import { conversations } from '../testing/conversations.js';
import { hexBytes, tsharkRows } from '../testing/tshark-rows.js';

/** Test support: the fuzzers' time budget, per test. */
export const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;

/** Test support: each direction of the small TLS captures as one byte stream. */
export function tlsStreams(): Uint8Array[] {
  return TLS_CAPTURES.slice(0, 6).flatMap((file) => conversations(corpus(file), 'tcp', 'tcp').flatMap((conv) => [true, false].map((isOrig) => {
    const parts = conv.segments.filter((s) => s.isOrig === isOrig).map((s) => s.data);
    return Uint8Array.from(parts.flatMap((p) => [...p]));
  })));
}

/** Test support: every certificate (DER) of the small TLS captures. */
export function corpusCertificates(): Uint8Array[] {
  return TLS_CAPTURES.slice(0, 6).flatMap((file) => tsharkRows(corpus(file), 'tls.handshake.type == 11', ['tls.handshake.certificate']))
    .flatMap((row) => row['tls.handshake.certificate'].map(hexBytes));
}

/** Test support: a real input with a few bytes overwritten, cut short, or extended. */
export function mutationsOf(seeds: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(), fc.uint8Array({ maxLength: 16 }))
    .map(([seed, edits, cut, tail]) => {
      const bytes = Uint8Array.from([...seed.subarray(0, Math.max(0, seed.length - (cut % 64))), ...tail]);
      for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
      return bytes;
    });
}
