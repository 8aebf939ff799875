import { readU16 } from '../../decode/bytes.js';
import type { AnalyzerContext } from '../analyzer.js';
import { certificateList } from './certificate-message.js';
import { cipherName } from './cipher-names.js';
import { parseClientHello } from './client-hello.js';
import { HandshakeAssembler } from './handshake-assembler.js';
import { handshakeLetter, LETTER_ALERT, LETTER_CCS, LETTER_HEARTBEAT, LETTER_HELLO_RETRY, SslHistory } from './history.js';
import { MAX_HANDSHAKE_RECORDS } from './limits.js';
import { negotiatedVersion, sslRecord, x509Record, type TlsSummary } from './log.js';
import { alertName, groupName } from './names.js';
import { CONTENT_ALERT, CONTENT_APPLICATION_DATA, CONTENT_CCS, CONTENT_HANDSHAKE, CONTENT_HEARTBEAT, RecordFramer } from './records.js';
import { parseServerHello } from './server-hello.js';
import { sniMatchesCert } from './sni-match.js';
import { parseCertificate } from './x509/certificate.js';
import type { X509LogDedup } from './x509-dedup.js';

const CLIENT_HELLO = 1, SERVER_HELLO = 2, CERTIFICATE = 11, SERVER_KEY_EXCHANGE = 12;
/** ServerKeyExchange ECParameters curve_type named_curve (RFC 8422 §5.4). */
const NAMED_CURVE = 3;
const TLS13 = 0x0304;
/** The ServerHello random that marks a HelloRetryRequest (RFC 8446 §4.1.3): SHA-256 of "HelloRetryRequest". */
const HELLO_RETRY_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

/** One direction: its record framer, handshake assembler and what it has sent. */
interface Side {
  framer: RecordFramer;
  handshake: HandshakeAssembler;
  /** ChangeCipherSpec sent: later handshake records are encrypted. */
  ccs: boolean;
  appData: boolean;
  handshakeRecords: number;
}

/**
 * The TLS handshake of one connection, both directions: hellos, the
 * certificates sent in clear (TLS ≤ 1.2, logged to x509), the curve, alerts,
 * resumption and whether the session got established. One ssl.log record at
 * the end.
 */
export class TlsSession {
  private readonly summary: TlsSummary = {
    ts: 0, client: null, server: null, curve: null, lastAlert: null, established: false, resumed: false,
    serverChain: [], clientChain: [], sniMatchesCert: null, history: new SslHistory(),
  };
  private readonly sides: [Side, Side];
  private now = 0;
  private firstRecordTs = -1;
  /** A hello was parsed: the connection is TLS and gets an ssl.log record. */
  private confirmed = false;
  /**
   * Zeek writes ssl.log (and stops the analyzer) at the first encrypted record
   * once both sides sent ChangeCipherSpec; ssl_history stops growing there.
   */
  private historyDone = false;

  /** `dedup`: the application layer's x509.log de-duplication; without it every certificate is logged. */
  constructor(private readonly ctx: AnalyzerContext, private readonly dedup: X509LogDedup | null = null) {
    this.sides = [this.side(true), this.side(false)];
  }

  /** In-order bytes of one direction; returns the bytes consumed. */
  deliver(isOrig: boolean, data: Uint8Array, ts: number): number {
    this.now = ts;
    return this.sides[isOrig ? 0 : 1].framer.deliver(data);
  }

  /** Bytes of a direction were lost: record boundaries cannot be found again. */
  gap(isOrig: boolean): void {
    this.sides[isOrig ? 0 : 1].framer.lose();
    this.ctx.weird('tls_content_gap');
  }

  /** Writes the ssl.log record when a handshake was seen (mid-stream encrypted records alone say nothing). */
  end(): void {
    if (this.confirmed) this.ctx.emit('ssl', sslRecord(this.ctx, this.summary));
  }

  private side(isOrig: boolean): Side {
    const side: Side = {
      framer: new RecordFramer({
        wantsBody: (type) => type !== CONTENT_APPLICATION_DATA && !side.ccs,
        record: (type, body, length) => this.record(side, isOrig, type, body, length),
        malformed: (code) => this.ctx.weird(code),
      }),
      handshake: new HandshakeAssembler((type, body) => this.handshake(isOrig, type, body), (code) => this.ctx.weird(code)),
      ccs: false, appData: false, handshakeRecords: 0,
    };
    return side;
  }

  private record(side: Side, isOrig: boolean, type: number, body: Uint8Array, length: number): void {
    if (this.firstRecordTs < 0) this.firstRecordTs = this.now;
    this.historyDone ||= side.ccs && this.sides[0].ccs && this.sides[1].ccs;
    if (type === CONTENT_CCS) {
      this.letter(isOrig, LETTER_CCS);
      side.ccs = true;
    } else if (type === CONTENT_APPLICATION_DATA) side.appData = true;
    else if (type === CONTENT_ALERT && length === body.length) this.alerts(isOrig, body);
    else if (type === CONTENT_HEARTBEAT && length > 0 && body.length === length) this.letter(isOrig, LETTER_HEARTBEAT);
    else if (type === CONTENT_HANDSHAKE && body.length > 0 && ++side.handshakeRecords <= MAX_HANDSHAKE_RECORDS) side.handshake.push(body);
    this.summary.established ||= this.isEstablished();
  }

  /** TLS ≤ 1.2: both sides switched to the negotiated keys; TLS 1.3: application data both ways. */
  private isEstablished(): boolean {
    const [orig, resp] = this.sides;
    const server = this.summary.server;
    if (server === null) return false;
    return negotiatedVersion(server) === TLS13 ? orig.appData && resp.appData : orig.ccs && resp.ccs;
  }

  /** Alerts sent in clear (a record may carry several, two bytes each): history letters and the last one's name. */
  private alerts(isOrig: boolean, body: Uint8Array): void {
    for (let at = 0; at + 2 <= body.length; at += 2) {
      this.letter(isOrig, LETTER_ALERT);
      this.summary.lastAlert = alertName(body[at + 1]);
    }
  }

  /** Adds one ssl_history letter until Zeek would have logged the connection. */
  private letter(isOrig: boolean, letter: number): void {
    if (!this.historyDone && this.summary.history.add(isOrig, letter)) this.ctx.weird('tls_max_history_length_reached');
  }

  private handshake(isOrig: boolean, type: number, body: Uint8Array): void {
    const s = this.summary;
    const retry = type === SERVER_HELLO && body.length >= 34 && HELLO_RETRY_RANDOM.equals(body.subarray(2, 34));
    this.letter(isOrig, retry ? LETTER_HELLO_RETRY : handshakeLetter(type));
    if (type === CLIENT_HELLO && isOrig && s.client === null) {
      const hello = parseClientHello(body);
      if (typeof hello === 'string') return this.ctx.weird(hello);
      s.client = hello;
      this.confirm();
    } else if (type === SERVER_HELLO && !isOrig && s.server === null) {
      const hello = parseServerHello(body);
      if (typeof hello === 'string') return this.ctx.weird(hello);
      s.server = hello;
      this.confirm();
      const tls13 = negotiatedVersion(hello) === TLS13;
      if (hello.keyShareGroup >= 0) s.curve = groupName(hello.keyShareGroup);
      s.resumed = tls13 ? hello.pskAccepted : s.client !== null && hello.sessionId !== '' && hello.sessionId === s.client.sessionId;
    } else if (type === SERVER_KEY_EXCHANGE && !isOrig && body.length >= 3 && body[0] === NAMED_CURVE && s.server && cipherName(s.server.cipher).includes('ECDHE')) {
      s.curve = groupName(readU16(body, 1));
    } else if (type === CERTIFICATE) {
      this.certificates(isOrig, body);
    }
  }

  private confirm(): void {
    if (this.confirmed) return;
    this.confirmed = true;
    this.summary.ts = this.firstRecordTs;
    this.ctx.setService('ssl');
  }

  private certificates(isOrig: boolean, body: Uint8Array): void {
    const chain = isOrig ? this.summary.clientChain : this.summary.serverChain;
    certificateList(body).forEach((der, i) => {
      const cert = parseCertificate(der);
      if (typeof cert === 'string') return this.ctx.weird(cert);
      chain.push(cert.fingerprint);
      if (this.dedup === null || this.dedup.shouldLog(cert.fingerprint, i === 0, isOrig, this.now)) this.ctx.emit('x509', x509Record(this.now, cert, i === 0, isOrig));
      const sni = this.summary.client?.serverName ?? '';
      if (i === 0 && !isOrig && sni !== '') {
        this.summary.sniMatchesCert = sniMatchesCert(sni, cert.sanDns.length > 0 ? cert.sanDns : commonNames(cert.subject));
      }
    });
  }
}

/** CN values of an RFC 2253 subject (used when a certificate has no SAN). */
function commonNames(subject: string): string[] {
  return subject.split(/(?<!\\),/).filter((part) => part.startsWith('CN=')).map((part) => part.slice(3));
}
