import type { AnalyzerContext, AppAnalyzer } from '../analyzer.js';
import { findBlankLine } from '../bytes.js';
import type { BodyFraming } from './body.js';
import { contentEncoding } from './content-decoding.js';
import { DETECT_BYTES, detectHttp } from './detect.js';
import { headerValue, parseHead, type HttpHead } from './head.js';
import { MAX_HEAD_BYTES, MAX_PENDING_REQUESTS } from './limits.js';
import { HttpSide } from './side.js';
import { applyRequest, httpRecord, newTransaction, versionOf, type HttpOptions, type HttpTransaction } from './transaction.js';

const CR = 0x0d, LF = 0x0a;

/** Streaming HTTP/1.x analyzer for one connection: http.log and files.log. */
export class HttpAnalyzer implements AppAnalyzer {
  private readonly orig: HttpSide;
  private readonly resp: HttpSide;
  /** Requests awaiting (the end of) their response, oldest first. */
  private readonly pending: HttpTransaction[] = [];
  private depth = 0;

  constructor(private readonly ctx: AnalyzerContext, private readonly options: HttpOptions = {}) {
    this.orig = new HttpSide(ctx, true);
    this.resp = new HttpSide(ctx, false);
  }

  deliver(isOrig: boolean, data: Uint8Array, ts: number): number {
    const side = isOrig ? this.orig : this.resp;
    let pos = 0;
    for (let step = 0; step <= data.length && pos < data.length; step++) {
      if (side.lost) {
        const at = side.tunnel ? -1 : findMessageStart(data, pos, isOrig);
        if (at < 0) return data.length;
        this.resync(side);
        pos = at;
        continue;
      }
      if (side.body.active) {
        const next = side.body.read(data, pos, ts, side);
        if (side.body.lost) side.lost = true;
        else if (!side.body.active) this.bodyDone(side);
        if (next === pos) return pos;
        pos = next;
        continue;
      }
      while (pos < data.length && (data[pos] === CR || data[pos] === LF)) pos++;
      if (pos === data.length) return pos;
      const end = findBlankLine(data, pos, MAX_HEAD_BYTES);
      if (end < 0) {
        if (data.length - pos < MAX_HEAD_BYTES) return pos;
        this.lose(side, 'http_head_too_long');
        pos++;
        continue;
      }
      const head = parseHead(data, pos, end);
      pos = end;
      if (head === null) this.lose(side, isOrig ? 'http_bad_request_line' : 'http_bad_status_line');
      else if (isOrig) this.request(head, ts);
      else this.response(head, ts);
    }
    return data.length;
  }

  gap(isOrig: boolean, length: number, _ts: number): void {
    (isOrig ? this.orig : this.resp).gap(length);
  }

  datagram(_isOrig: boolean, _data: Uint8Array, _ts: number): void {
    this.ctx.weird('http_unexpected_datagram');
  }

  end(_ts: number): void {
    if (this.orig.body.close()) this.orig.finishBody();
    if (this.resp.body.close()) this.bodyDone(this.resp);
    for (const txn of this.pending) this.ctx.emit('http', httpRecord(this.ctx, txn));
    this.pending.length = 0;
  }

  private request(head: HttpHead, ts: number): void {
    if (versionOf(head.parts[2]) === null) this.ctx.weird('http_bad_request_version');
    if (this.pending.length >= MAX_PENDING_REQUESTS) {
      this.ctx.weird('http_too_many_pending_requests');
      this.ctx.emit('http', httpRecord(this.ctx, this.pending.shift()!));
    }
    const txn = newTransaction(ts, ++this.depth);
    applyRequest(txn, head, this.options);
    if (txn.version !== null) this.ctx.setService('http');
    this.pending.push(txn);
    const framing = bodyFraming(head, false);
    if (framing !== null) this.startBody(this.orig, txn, head, framing);
  }

  private response(head: HttpHead, ts: number): void {
    const version = versionOf(head.parts[0]);
    const code = /^\d{3}$/.test(head.parts[1]) ? Number(head.parts[1]) : NaN;
    if (version === null || Number.isNaN(code)) {
      this.lose(this.resp, 'http_bad_status_line');
      return;
    }
    if (code >= 100 && code < 200 && code !== 101) {
      const txn = this.pending[0];
      if (txn !== undefined) { txn.infoCode = code; txn.infoMsg = head.parts[2]; }
      return;
    }
    let txn = this.pending[0];
    if (txn === undefined) {
      this.ctx.weird('http_response_without_request');
      txn = newTransaction(ts, ++this.depth);
      this.pending.push(txn);
    }
    this.ctx.setService('http');
    txn.statusCode = code;
    txn.statusMsg = head.parts[2];
    txn.version ??= version;
    const tunnel = code === 101 || (txn.method === 'CONNECT' && code >= 200 && code < 300);
    const framing = tunnel || txn.method === 'HEAD' || code === 204 || code === 304 ? null : bodyFraming(head, true);
    this.resp.txn = txn;
    if (framing !== null) this.startBody(this.resp, txn, head, framing);
    else this.bodyDone(this.resp);
    if (tunnel) this.orig.lost = this.resp.lost = this.orig.tunnel = this.resp.tunnel = true;
  }

  private startBody(side: HttpSide, txn: HttpTransaction, head: HttpHead, framing: { kind: BodyFraming; length: number }): void {
    const encoding = contentEncoding(headerValue(head, 'content-encoding'));
    side.expectBody(txn, framing.kind === 'length' && encoding === null ? framing.length : null, filenameOf(headerValue(head, 'content-disposition')), encoding);
    side.body.start(framing.kind, framing.length);
    if (!side.body.active) this.bodyDone(side);
  }

  /** A message of `side` ended: a response completes its transaction. */
  private bodyDone(side: HttpSide): void {
    side.finishBody();
    if (side.isOrig) return;
    const txn = side.txn;
    side.txn = null;
    if (txn === null) return;
    const at = this.pending.indexOf(txn);
    if (at >= 0) this.pending.splice(at, 1);
    this.ctx.emit('http', httpRecord(this.ctx, txn));
  }

  /** Picks a lost direction up again at a new message: an unfinished body ends where it stopped. */
  private resync(side: HttpSide): void {
    this.ctx.weird('http_resynchronised');
    side.lost = false;
    if (!side.body.close()) return;
    if (side.isOrig) side.finishBody();
    else this.bodyDone(side);
  }

  private lose(side: HttpSide, name: string): void {
    this.ctx.weird(name);
    side.lost = true;
  }
}

/** Index of the first line start at or after `pos` where an HTTP message begins, or -1. */
function findMessageStart(data: Uint8Array, pos: number, isOrig: boolean): number {
  for (let i = pos; i < data.length; i++) {
    if ((i === pos || data[i - 1] === LF) && detectHttp(isOrig, data.subarray(i, i + DETECT_BYTES)) === 'yes') return i;
  }
  return -1;
}

/** How the body after `head` is delimited, or null when there is none. */
function bodyFraming(head: HttpHead, isResponse: boolean): { kind: BodyFraming; length: number } | null {
  if (/chunked/i.test(headerValue(head, 'transfer-encoding') ?? '')) return { kind: 'chunked', length: 0 };
  const length = headerValue(head, 'content-length');
  if (length !== null && /^\d{1,15}$/.test(length)) return { kind: 'length', length: Number(length) };
  return isResponse ? { kind: 'close', length: 0 } : null;
}

/** File name of a Content-Disposition header (`filename="x"` or `filename=x`). */
function filenameOf(disposition: string | null): string | null {
  const match = disposition === null ? null : /filename\*?=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
  return match === null ? null : (match[1] ?? match[2]);
}
