import { findLineEnd, latin1, lineTextEnd } from '../bytes.js';
import { MAX_CHUNK_LINE_BYTES, MAX_CHUNK_SIZE_DIGITS, MAX_HEAD_BYTES } from './limits.js';

/** How a message body is delimited. */
export type BodyFraming = 'length' | 'chunked' | 'close';

/** Receives the bytes of the body being read. */
export interface BodySink {
  bodyData(chunk: Uint8Array, ts: number): void;
  weird(name: string): void;
}

const enum Mode { Idle, Length, ChunkSize, ChunkData, ChunkEnd, Trailer, Close, Lost }

/**
 * Reads one HTTP body after its head: Content-Length, chunked (with trailer)
 * or until the connection closes. Streaming: never buffers body bytes.
 */
export class BodyReader {
  private mode = Mode.Idle;
  private remaining = 0;

  /** True while a body is being read. */
  get active(): boolean {
    return this.mode !== Mode.Idle;
  }

  /** Starts a body of the given framing (`length` bytes for Content-Length). */
  start(framing: BodyFraming, length = 0): void {
    this.mode = framing === 'length' ? Mode.Length : framing === 'chunked' ? Mode.ChunkSize : Mode.Close;
    this.remaining = length;
    if (this.mode === Mode.Length && length === 0) this.mode = Mode.Idle;
  }

  /**
   * Reads body bytes from `data[pos..]`; returns the new position. The body
   * has ended when {@link active} turns false; a partial line needs more data
   * when the position stops before the end.
   */
  read(data: Uint8Array, pos: number, ts: number, sink: BodySink): number {
    for (let step = 0; step <= data.length && pos < data.length && this.active; step++) {
      const next = this.step(data, pos, ts, sink);
      if (next === pos) return pos;
      pos = next;
    }
    return pos;
  }

  /** Bytes of the body were lost; returns how many of them belonged to the body. */
  gap(length: number): number {
    if (this.mode === Mode.Close || this.mode === Mode.Lost) return length;
    if ((this.mode === Mode.Length || this.mode === Mode.ChunkData) && length <= this.remaining) {
      this.remaining -= length;
      if (this.remaining === 0) this.mode = this.mode === Mode.Length ? Mode.Idle : Mode.ChunkEnd;
      return length;
    }
    this.mode = Mode.Lost;
    return length;
  }

  /** True when the framing could not be followed (after a bad chunk or a gap): the rest of the direction is ignored. */
  get lost(): boolean {
    return this.mode === Mode.Lost;
  }

  /** Ends a body that lasts until close; returns whether one was being read. */
  close(): boolean {
    const was = this.mode !== Mode.Idle;
    this.mode = Mode.Idle;
    return was;
  }

  private step(data: Uint8Array, pos: number, ts: number, sink: BodySink): number {
    switch (this.mode) {
      case Mode.Close:
      case Mode.Lost:
        if (this.mode === Mode.Close) sink.bodyData(view(data, pos, data.length), ts);
        return data.length;
      case Mode.Length:
      case Mode.ChunkData: {
        const take = Math.min(this.remaining, data.length - pos);
        sink.bodyData(view(data, pos, pos + take), ts);
        this.remaining -= take;
        if (this.remaining === 0) this.mode = this.mode === Mode.Length ? Mode.Idle : Mode.ChunkEnd;
        return pos + take;
      }
      case Mode.ChunkEnd:
        return this.chunkEnd(data, pos, sink);
      case Mode.ChunkSize:
        return this.chunkSize(data, pos, sink);
      case Mode.Trailer:
        return this.trailer(data, pos, sink);
      default:
        return pos;
    }
  }

  private chunkEnd(data: Uint8Array, pos: number, sink: BodySink): number {
    const lf = findLineEnd(data, pos, 2);
    if (lf < 0) {
      if (data.length - pos < 2) return pos;
      sink.weird('http_chunk_missing_crlf');
    }
    this.mode = Mode.ChunkSize;
    return lf < 0 ? pos : lf + 1;
  }

  private chunkSize(data: Uint8Array, pos: number, sink: BodySink): number {
    const lf = findLineEnd(data, pos, MAX_CHUNK_LINE_BYTES);
    if (lf < 0) {
      if (data.length - pos >= MAX_CHUNK_LINE_BYTES) this.lose(sink, 'http_chunk_line_too_long');
      return this.mode === Mode.Lost ? data.length : pos;
    }
    const match = /^\s*([0-9a-fA-F]+)\s*(;.*)?$/.exec(latin1(data, pos, lineTextEnd(data, pos, lf)));
    if (match === null || match[1].length > MAX_CHUNK_SIZE_DIGITS) {
      this.lose(sink, match === null ? 'http_bad_chunk_size' : 'http_chunk_size_too_large');
      return data.length;
    }
    this.remaining = parseInt(match[1], 16);
    this.mode = this.remaining === 0 ? Mode.Trailer : Mode.ChunkData;
    return lf + 1;
  }

  private trailer(data: Uint8Array, pos: number, sink: BodySink): number {
    const lf = findLineEnd(data, pos, MAX_HEAD_BYTES);
    if (lf < 0) {
      if (data.length - pos >= MAX_HEAD_BYTES) this.lose(sink, 'http_trailer_too_long');
      return this.mode === Mode.Lost ? data.length : pos;
    }
    if (lineTextEnd(data, pos, lf) === pos) this.mode = Mode.Idle;
    return lf + 1;
  }

  private lose(sink: BodySink, name: string): void {
    sink.weird(name);
    this.mode = Mode.Lost;
  }
}

/** `data[start..end]`: `data` itself when that is all of it (a body segment usually is: no view allocated per packet). */
function view(data: Uint8Array, start: number, end: number): Uint8Array {
  return start === 0 && end === data.length ? data : data.subarray(start, end);
}
