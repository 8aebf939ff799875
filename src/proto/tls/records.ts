import { readU16 } from '../../decode/bytes.js';
import { MAX_RECORD_LEN, RECORD_HEADER_LEN } from './limits.js';

/** TLS record content types (RFC 8446 §5.1). */
export const CONTENT_CCS = 20, CONTENT_ALERT = 21, CONTENT_HANDSHAKE = 22, CONTENT_APPLICATION_DATA = 23, CONTENT_HEARTBEAT = 24;

/** The body passed for records whose body the sink does not want (shared: nothing is allocated per record). */
const NO_BODY = new Uint8Array(0);

/** Receives whole records; `body` is a view into the delivered bytes, valid only during the call. */
export interface RecordSink {
  /** True when the sink needs this record type's body (else it is skipped without buffering). */
  wantsBody(contentType: number): boolean;
  record(contentType: number, body: Uint8Array, length: number): void;
  /** The stream stopped looking like TLS records. */
  malformed(code: string): void;
}

/**
 * Frames one direction of a TLS stream into records (RFC 8446 §5.1). Bodies
 * the sink does not want (application data) are skipped as they stream by,
 * so the flow layer never buffers them; wanted bodies are handed over whole.
 */
export class RecordFramer {
  /** Bytes of the current unwanted record body still to skip. */
  private skipping = 0;
  private broken = false;

  constructor(private readonly sink: RecordSink) {}

  /** Offers in-order bytes; returns how many were consumed (the rest is offered again with more). */
  deliver(data: Uint8Array): number {
    if (this.broken) return data.length;
    let pos = Math.min(this.skipping, data.length);
    this.skipping -= pos;
    // Bounded by the data: each turn consumes a header or stops.
    while (pos + RECORD_HEADER_LEN <= data.length) {
      const type = data[pos];
      const length = readU16(data, pos + 3);
      if (type < CONTENT_CCS || type > CONTENT_HEARTBEAT || data[pos + 1] !== 3 || length > MAX_RECORD_LEN) {
        this.broken = true;
        this.sink.malformed('tls_bad_record_header');
        return data.length;
      }
      const bodyStart = pos + RECORD_HEADER_LEN;
      if (!this.sink.wantsBody(type)) {
        this.sink.record(type, NO_BODY, length);
        const available = Math.min(length, data.length - bodyStart);
        this.skipping = length - available;
        pos = bodyStart + available;
        continue;
      }
      if (bodyStart + length > data.length) break;
      this.sink.record(type, data.subarray(bodyStart, bodyStart + length), length);
      pos = bodyStart + length;
    }
    return pos;
  }

  /** Bytes were lost: record boundaries are gone, so this direction stops. */
  lose(): void {
    this.broken = true;
  }
}
