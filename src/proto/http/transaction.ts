import type { LogRecord } from '../../store/schema/types.js';
import type { AnalyzerContext } from '../analyzer.js';
import { headerValue, type HttpHead } from './head.js';

/** One request and its response, filled as they are parsed. */
export interface HttpTransaction {
  ts: number;
  depth: number;
  method: string | null;
  uri: string | null;
  version: string | null;
  host: string | null;
  referrer: string | null;
  userAgent: string | null;
  origin: string | null;
  username: string | null;
  proxied: string[];
  requestBodyLen: number;
  responseBodyLen: number;
  statusCode: number | null;
  statusMsg: string | null;
  infoCode: number | null;
  infoMsg: string | null;
  origFuids: string[];
  origMimeTypes: string[];
  respFuids: string[];
  respMimeTypes: string[];
}

/** Proxy headers Zeek lists in `proxied` (HTTP::proxy_headers). */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-from', 'client-ip', 'via', 'xroxy-connection', 'proxy-connection'];

/** An empty transaction started at `ts`. */
export function newTransaction(ts: number, depth: number): HttpTransaction {
  return {
    ts, depth, method: null, uri: null, version: null, host: null, referrer: null, userAgent: null, origin: null,
    username: null, proxied: [], requestBodyLen: 0, responseBodyLen: 0, statusCode: null, statusMsg: null,
    infoCode: null, infoMsg: null, origFuids: [], origMimeTypes: [], respFuids: [], respMimeTypes: [],
  };
}

/** Fills the request side of `txn` from a request head. */
export function applyRequest(txn: HttpTransaction, head: HttpHead): void {
  txn.method = head.parts[0];
  txn.uri = head.parts[1];
  txn.version = versionOf(head.parts[2]);
  txn.host = headerValue(head, 'host');
  txn.referrer = headerValue(head, 'referer');
  txn.userAgent = headerValue(head, 'user-agent');
  txn.origin = headerValue(head, 'origin');
  txn.username = basicAuthUser(headerValue(head, 'authorization'));
  for (const [name, value] of head.headers) if (PROXY_HEADERS.includes(name)) txn.proxied.push(`${name.toUpperCase()} -> ${value}`);
}

/** `1.1` from `HTTP/1.1`; null when it is not an HTTP version. */
export function versionOf(text: string): string | null {
  return /^HTTP\/\d\.\d$/.test(text) ? text.slice(5) : null;
}

/** The user name of a Basic Authorization header; the password is dropped. */
export function basicAuthUser(authorization: string | null): string | null {
  if (authorization === null || !/^basic\s/i.test(authorization)) return null;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(0, colon);
}

/** The http.log record of a transaction. */
export function httpRecord(ctx: AnalyzerContext, txn: HttpTransaction): LogRecord {
  return {
    ts: txn.ts, uid: ctx.uid, id_orig_h: ctx.origH, id_orig_p: ctx.origP, id_resp_h: ctx.respH, id_resp_p: ctx.respP,
    trans_depth: txn.depth, method: txn.method, host: txn.host, uri: txn.uri, referrer: txn.referrer,
    version: txn.version, user_agent: txn.userAgent, origin: txn.origin,
    request_body_len: txn.requestBodyLen, response_body_len: txn.responseBodyLen,
    status_code: txn.statusCode, status_msg: txn.statusMsg, info_code: txn.infoCode, info_msg: txn.infoMsg,
    tags: [], username: txn.username, proxied: txn.proxied.length > 0 ? txn.proxied : null,
    orig_fuids: orNull(txn.origFuids), orig_mime_types: orNull(txn.origMimeTypes),
    resp_fuids: orNull(txn.respFuids), resp_mime_types: orNull(txn.respMimeTypes),
  };
}

function orNull(list: string[]): string[] | null {
  return list.length > 0 ? list : null;
}
