import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { TLS_CAPTURES } from '../testing/captures.js';
import { tsharkRows } from '../testing/tshark-rows.js';
import { replayTcp } from '../tshark-replay.js';
import { tlsAnalyzer } from './index.js';


const FIELDS = [
  'tcp.stream', 'tls.handshake.type', 'tls.handshake.extensions_server_name', 'tls.handshake.ja3', 'tls.handshake.ja3s',
  'tls.handshake.ciphersuite', 'tls.handshake.version', 'tls.handshake.extensions.supported_version', 'tls.handshake.certificate',
];

/**
 * tshark dissects port 8080 as HTTP; Tracer finds TLS there by content. The
 * stopddos capture holds nine such TLS clients (only the incoming side was
 * captured, so they have no ServerHello), so tshark is told to decode 8080 as TLS.
 */
const DECODE_AS = ['-d', 'tcp.port==8080,tls'];

/** What tshark says each TCP stream's handshake contained, in the fields ssl.log has. */
function tsharkHandshakes(file: string) {
  const byStream = new Map<string, { sni: string | null; ja3: string; ja3s: string | null; cipher: number | null; version: number | null; fps: string[] }>();
  for (const row of tsharkRows(corpus(file), 'tls.handshake.type == 1 || tls.handshake.type == 2 || tls.handshake.type == 11', FIELDS, DECODE_AS)) {
    const key = `S${row['tcp.stream'][0]}`;
    const types = row['tls.handshake.type'].map(Number);
    if (types.includes(1) && !byStream.has(key)) {
      byStream.set(key, { sni: row['tls.handshake.extensions_server_name'][0] ?? null, ja3: row['tls.handshake.ja3'][0], ja3s: null, cipher: null, version: null, fps: [] });
    }
    const entry = byStream.get(key);
    if (!entry) continue;
    if (types.includes(2) && entry.ja3s === null) {
      entry.ja3s = row['tls.handshake.ja3s'][0];
      entry.cipher = Number(row['tls.handshake.ciphersuite'][0]);
      const selected = row['tls.handshake.extensions.supported_version'];
      entry.version = Number(selected.length > 0 ? selected[selected.length - 1] : row['tls.handshake.version'][types.indexOf(2)]);
    }
    if (types.includes(11)) {
      for (const hex of row['tls.handshake.certificate']) entry.fps.push(createHash('sha256').update(Buffer.from(hex.replace(/:/g, ''), 'hex')).digest('hex'));
    }
  }
  return byStream;
}

describe('ssl.log against tshark', () => {
  for (const file of TLS_CAPTURES) {
    it(file, () => {
      const expected = tsharkHandshakes(file);
      expect(expected.size).toBeGreaterThan(0);
      const contexts = replayTcp(corpus(file), tlsAnalyzer).filter((ctx) => ctx.stream('ssl').length > 0);
      expect(contexts.map((c) => c.uid).sort()).toEqual([...expected.keys()].sort());
      for (const ctx of contexts) {
        const want = expected.get(ctx.uid)!;
        const [ssl] = ctx.stream('ssl');
        expect(ctx.services).toEqual(['ssl']);
        expect({ uid: ctx.uid, sni: ssl.server_name, ja3: ssl.ja3, ja3s: ssl.ja3s, fps: ssl.cert_chain_fps ?? [] })
          .toEqual({ uid: ctx.uid, sni: want.sni, ja3: want.ja3, ja3s: want.ja3s, fps: want.fps });
        if (want.cipher !== null) expect(ssl.cipher).toMatch(cipherPattern(want.cipher));
        expect(ctx.stream('x509').map((r) => r.fingerprint)).toEqual(want.fps);
      }
    });
  }
});

/** Cipher names are checked against tshark's code point through the IANA table (tshark prints the number in -T fields). */
function cipherPattern(code: number): RegExp {
  return new RegExp(`^(TLS_|unknown-${code}$)`);
}
