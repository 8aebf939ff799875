import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { recordingContext } from '../recording-context.js';
import { TLS_CAPTURES } from '../testing/captures.js';
import { replayTcp } from '../tshark-replay.js';
import { handshakeLetter, SslHistory } from './history.js';
import { tlsAnalyzer } from './index.js';
import { MAX_SSL_HISTORY } from './limits.js';
import { TlsSession } from './state.js';

const HELLO_RETRY_RANDOM = [...Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex')];

const record = (type: number, body: number[]) => Uint8Array.from([type, 3, 3, body.length >> 8, body.length & 0xff, ...body]);
const message = (type: number, body: number[]) => [type, 0, body.length >> 8, body.length & 0xff, ...body];
/** A ServerHello body: TLS 1.2, the given random, no session id, TLS_AES_128_GCM_SHA256, no compression. */
const serverHello = (random: number[]) => message(2, [3, 3, ...random, 0, 0x13, 0x01, 0]);

/** Feeds records (client first when `isOrig`) through one session and returns its ssl.log record and anomalies. */
function run(steps: Array<[boolean, Uint8Array]>) {
  const ctx = recordingContext();
  const session = new TlsSession(ctx);
  steps.forEach(([isOrig, bytes], i) => expect(session.deliver(isOrig, bytes, i)).toBe(bytes.length));
  session.end();
  return { ssl: ctx.stream('ssl')[0], weirds: ctx.weirds };
}

describe('ssl_history', () => {
  it('maps handshake types to Zeek\'s letters, unknown ones to z', () => {
    expect([1, 2, 11, 12, 14, 16, 20, 4, 8, 254, 99].map((t) => String.fromCharCode(handshakeLetter(t))).join('')).toBe('csxkngftomz');
  });

  it('upper-cases client letters and stops at the cap, reporting it once', () => {
    const history = new SslHistory();
    expect(history.add(true, 0x63)).toBe(false);
    expect(history.add(false, 0x73)).toBe(false);
    expect(history.text()).toBe('Cs');
    for (let i = 2; i < MAX_SSL_HISTORY - 1; i++) history.add(false, 0x68);
    expect(history.add(false, 0x68)).toBe(true);
    expect(history.add(false, 0x68)).toBe(false);
    expect(history.text()).toHaveLength(MAX_SSL_HISTORY);
  });

  it('writes j for a HelloRetryRequest, l per alert in a record and b for a clear heartbeat', () => {
    const { ssl } = run([
      [false, record(22, serverHello(HELLO_RETRY_RANDOM))],
      [false, record(22, serverHello(new Array<number>(32).fill(7)))],
      [true, record(24, [1, 0, 0])],
      [false, record(21, [1, 0, 2, 40])],
    ]);
    expect(ssl).toMatchObject({ ssl_history: 'jsBll', last_alert: 'handshake_failure' });
  });

  it('stops where Zeek logs: the first encrypted record after ChangeCipherSpec both ways', () => {
    const { ssl } = run([
      [false, record(22, serverHello(new Array<number>(32).fill(7)))],
      [true, record(20, [1])],
      [false, record(20, [1])],
      [true, record(22, message(20, [0, 0, 0]))], // encrypted Finished
      [false, record(20, [1])],
    ]);
    expect(ssl.ssl_history).toBe('sIi');
  });

  it('caps a flood of messages at 100 letters with a named anomaly', () => {
    const flood = Array.from({ length: 150 }, () => message(0, [])).flat();
    const { ssl, weirds } = run([[false, record(22, serverHello(new Array<number>(32).fill(7)))], [false, record(22, flood)]]);
    expect(ssl.ssl_history).toBe(`s${'h'.repeat(MAX_SSL_HISTORY - 1)}`);
    expect(weirds).toEqual(['tls_max_history_length_reached']);
  });

  it('matches the messages tshark lists for the corpus handshakes', () => {
    // Verified against `tshark -T fields -e _ws.col.Info`: e.g. tls1.2 is Client Hello / Server Hello / Certificate, Server Hello Done /
    // Client Key Exchange, Change Cipher Spec, Encrypted… / Change Cipher Spec, Encrypted…; chrome adds Server Key Exchange and New Session Ticket.
    const histories = (file: string) => replayTcp(corpus(file), tlsAnalyzer).flatMap((ctx) => ctx.stream('ssl').map((r) => r.ssl_history));
    expect(histories(TLS_CAPTURES[3])).toEqual(['CsxnGIi']);
    expect(histories(TLS_CAPTURES[0])).toEqual(['CsxknGIti']);
    expect(histories(TLS_CAPTURES[1])).toEqual(['CsxknBb']); // heartbleed: heartbeats in clear
    expect(histories(TLS_CAPTURES[4])).toEqual(['CsiI', 'CsiI']); // TLS 1.3 with middlebox-compatibility ChangeCipherSpec
    expect(histories(TLS_CAPTURES[5])).toEqual(['Cs']); // TLS 1.3 without
  });
});
