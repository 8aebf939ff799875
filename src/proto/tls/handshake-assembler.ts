import { HANDSHAKE_HEADER_LEN, MAX_HANDSHAKE_LEN } from './limits.js';

/** Receives complete handshake messages; `body` is valid only during the call. */
export type HandshakeVisitor = (type: number, body: Uint8Array) => void;

/**
 * Joins handshake messages that span records and splits records that carry
 * several (RFC 8446 §5.1). Whole messages inside one record are passed as
 * views without copying; only a message split across records is buffered,
 * up to MAX_HANDSHAKE_LEN.
 */
export class HandshakeAssembler {
  private pending = new Uint8Array(0);
  private pendingLength = 0;

  constructor(private readonly visit: HandshakeVisitor, private readonly weird: (code: string) => void) {}

  /** Adds one handshake record's body. */
  push(fragment: Uint8Array): void {
    let data = fragment;
    if (this.pendingLength > 0) {
      if (this.pendingLength + fragment.length > MAX_HANDSHAKE_LEN) {
        this.pendingLength = 0;
        this.weird('tls_handshake_too_long');
        return;
      }
      this.grow(this.pendingLength + fragment.length);
      this.pending.set(fragment, this.pendingLength);
      this.pendingLength += fragment.length;
      data = this.pending.subarray(0, this.pendingLength);
    }
    const used = this.messages(data);
    const rest = data.length - used;
    if (rest > 0 && data !== fragment) this.pending.copyWithin(0, used, data.length);
    else if (rest > 0) {
      this.grow(rest);
      this.pending.set(fragment.subarray(used));
    }
    this.pendingLength = rest;
  }

  /** Visits every complete message at the start of `data`; returns the bytes used. Bounded by the data. */
  private messages(data: Uint8Array): number {
    let pos = 0;
    while (pos + HANDSHAKE_HEADER_LEN <= data.length) {
      const length = (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
      if (length > MAX_HANDSHAKE_LEN) {
        this.weird('tls_handshake_too_long');
        return data.length;
      }
      const end = pos + HANDSHAKE_HEADER_LEN + length;
      if (end > data.length) break;
      this.visit(data[pos], data.subarray(pos + HANDSHAKE_HEADER_LEN, end));
      pos = end;
    }
    return pos;
  }

  private grow(size: number): void {
    if (this.pending.length >= size) return;
    const bigger = new Uint8Array(Math.min(MAX_HANDSHAKE_LEN, Math.max(size, this.pending.length * 2, 4096)));
    bigger.set(this.pending.subarray(0, this.pendingLength));
    this.pending = bigger;
  }
}
