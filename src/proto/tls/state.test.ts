import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { recordingContext } from '../recording-context.js';
import { conversations, type Segment } from '../testing/conversations.js';
import { TlsSession } from './state.js';

const tls12 = conversations(corpus('pcaps/tls/zeek_tls1.2.pcap'), 'tcp', 'tcp')[0].segments;
const tls13 = conversations(corpus('pcaps/tls/zeek_tls13_wolfssl.pcap'), 'tcp', 'tcp')[0].segments;

/** Replays segments through a session, offering each direction's bytes in pieces cut at `cuts` (as a flow layer would). */
function replay(segments: Segment[], cuts: number[] = []) {
  const ctx = recordingContext('Csplit');
  const session = new TlsSession(ctx);
  const held = [new Uint8Array(0), new Uint8Array(0)];
  let cut = 0;
  for (const s of segments) {
    const side = s.isOrig ? 0 : 1;
    let data = s.data;
    while (data.length > 0) {
      const piece = Math.max(1, Math.min(data.length, cuts.length > 0 ? cuts[cut++ % cuts.length] : data.length));
      const offered = Uint8Array.from([...held[side], ...data.subarray(0, piece)]);
      held[side] = offered.subarray(session.deliver(s.isOrig, offered, s.ts));
      data = data.subarray(piece);
    }
  }
  session.end();
  return ctx;
}

describe('TlsSession', () => {
  it('reads a TLS 1.2 handshake: version, cipher, established, three certificates', () => {
    const ctx = replay(tls12);
    expect(ctx.stream('ssl')[0]).toMatchObject({ version: 'TLSv12', cipher: 'TLS_RSA_WITH_RC4_128_MD5', established: true, resumed: false });
    expect(ctx.stream('x509').map((r) => [r.host_cert, r.client_cert])).toEqual([[true, false], [false, false], [false, false]]);
    // Subject and issuer in Zeek's RFC 2253 form (OpenSSL XN_FLAG_RFC2253: last RDN first, OpenSSL short names).
    expect(ctx.stream('x509')[0]).toMatchObject({
      certificate_subject: 'CN=*.taleo.net,OU=Comodo PremiumSSL Wildcard,OU=Web,O=Taleo Inc.,street=4140 Dublin Boulevard,street=Suite 400,L=Dublin,ST=CA,postalCode=94568,C=US',
      certificate_issuer: 'CN=COMODO High-Assurance Secure Server CA,O=COMODO CA Limited,L=Salford,ST=Greater Manchester,C=GB',
      certificate_serial: '99FAA8037A4EB2FAEF84EB5E55D5B8C8', certificate_not_valid_before: 1304467200, certificate_not_valid_after: 1467676799,
      certificate_key_type: 'rsa', certificate_key_length: 2048, certificate_exponent: '65537', san_dns: ['*.taleo.net', 'taleo.net'], basic_constraints_ca: false,
    });
  });

  it('reads TLS 1.3 (key_share curve, established by application data both ways)', () => {
    expect(replay(tls13).stream('ssl')[0]).toMatchObject({ version: 'TLSv13', curve: 'secp256r1', established: true });
  });

  it('gives the same records however the stream is cut (records and handshakes spanning pieces)', () => {
    const whole = [replay(tls12).records, replay(tls13).records];
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }), (cuts) => {
      expect(replay(tls12, cuts).records).toEqual(whole[0]);
      expect(replay(tls13, cuts).records).toEqual(whole[1]);
    }), { numRuns: 25 });
  });

  it('turns a non-TLS stream, a huge handshake length and a gap into named anomalies', () => {
    const ctx = recordingContext();
    const session = new TlsSession(ctx);
    expect(session.deliver(true, new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'), 1)).toBe(18);
    expect(session.deliver(false, Uint8Array.from([0x16, 3, 3, 0, 4, 2, 0xff, 0xff, 0xff]), 1)).toBe(9);
    session.gap(false);
    session.end();
    expect(ctx.weirds).toEqual(['tls_bad_record_header', 'tls_handshake_too_long', 'tls_content_gap']);
    expect(ctx.stream('ssl')).toEqual([]); // no hello, no ssl.log record
  });
});
