import { DEFAULT_X509_RELOG_SECONDS, MAX_KNOWN_LOG_CERTS } from './limits.js';

/**
 * Zeek's x509.log de-duplication (base/files/x509, since Zeek 4.2): a
 * certificate is logged once per (fingerprint, host_cert, client_cert) and
 * again only after `relogAfter` seconds of capture time (Zeek's
 * X509::relog_known_certificates_after, 1 day; 0 logs every certificate of
 * every connection, as Zeek before 4.2). At most MAX_KNOWN_LOG_CERTS are
 * remembered; beyond that certificates are logged every time, as Zeek does
 * when known_log_certs is full. ssl.log's cert_chain_fps always lists the
 * whole chain, so every connection still names its certificates.
 */
export class X509LogDedup {
  /** Key → capture time it was (last) logged. */
  private readonly known = new Map<string, number>();
  private lastSweep = -Infinity;

  constructor(private readonly relogAfter = DEFAULT_X509_RELOG_SECONDS) {
    if (!(relogAfter >= 0)) throw new RangeError(`Cannot use an x509 relog interval of ${relogAfter}s: expected 0 or more seconds`);
  }

  /** True when this certificate, seen at `ts`, is to be written to x509.log (and remembers it). */
  shouldLog(fingerprint: string, hostCert: boolean, clientCert: boolean, ts: number): boolean {
    if (this.relogAfter === 0) return true;
    const key = `${fingerprint}|${hostCert ? 1 : 0}${clientCert ? 1 : 0}`;
    const logged = this.known.get(key);
    if (logged !== undefined && ts - logged < this.relogAfter) return false;
    if (logged !== undefined || this.room(ts)) this.known.set(key, ts);
    return true;
  }

  /** Whether a new entry fits; when full, expired entries are dropped (at most once per relog interval). */
  private room(ts: number): boolean {
    if (this.known.size < MAX_KNOWN_LOG_CERTS) return true;
    if (ts - this.lastSweep < this.relogAfter) return false;
    this.lastSweep = ts;
    for (const [key, logged] of this.known) if (ts - logged >= this.relogAfter) this.known.delete(key);
    return this.known.size < MAX_KNOWN_LOG_CERTS;
  }
}
