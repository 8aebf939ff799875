import type { LogRecord } from '../../store/schema/types.js';
import type { AnalyzerContext } from '../analyzer.js';
import { basicCredentials } from './basic-auth.js';
import { headerValue, type HttpHead } from './head.js';
import { uriTags } from './uri-tags.js';

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
  password: string | null;
  tags: string[];
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
    username: null, password: null, tags: [], proxied: [], requestBodyLen: 0, responseBodyLen: 0, statusCode: null, statusMsg: null,
    infoCode: null, infoMsg: null, origFuids: [], origMimeTypes: [], respFuids: [], respMimeTypes: [],
  };
}

/** What the HTTP analyzer may be told. */
export interface HttpOptions {
  /** Log Basic-auth passwords in `password` (Zeek's HTTP::default_capture_password); off by default. */
  capturePassword?: boolean;
}

/** Fills the request side of `txn` from a request head. */
export function applyRequest(txn: HttpTransaction, head: HttpHead, options: HttpOptions = {}): void {
  txn.method = head.parts[0];
  txn.uri = head.parts[1];
  txn.version = versionOf(head.parts[2]);
  txn.host = headerValue(head, 'host');
  txn.referrer = headerValue(head, 'referer');
  txn.userAgent = headerValue(head, 'user-agent');
  txn.origin = headerValue(head, 'origin');
  const credentials = basicCredentials(headerValue(head, 'authorization') ?? headerValue(head, 'proxy-authorization'));
  txn.username = credentials?.user ?? null;
  if (options.capturePassword === true) txn.password = credentials?.password ?? null;
  txn.tags = uriTags(txn.uri);
  for (const [name, value] of head.headers) if (PROXY_HEADERS.includes(name)) txn.proxied.push(`${name.toUpperCase()} -> ${value}`);
}

/** `1.1` from `HTTP/1.1`; null when it is not an HTTP version. */
export function versionOf(text: string): string | null {
  return /^HTTP\/\d\.\d$/.test(text) ? text.slice(5) : null;
}

/** The http.log record of a transaction. */
export function httpRecord(ctx: AnalyzerContext, txn: HttpTransaction): LogRecord {
  return {
    ts: txn.ts, uid: ctx.uid, id_orig_h: ctx.origH, id_orig_p: ctx.origP, id_resp_h: ctx.respH, id_resp_p: ctx.respP,
    trans_depth: txn.depth, method: txn.method, host: txn.host, uri: txn.uri, referrer: txn.referrer,
    version: txn.version, user_agent: txn.userAgent, origin: txn.origin,
    request_body_len: txn.requestBodyLen, response_body_len: txn.responseBodyLen,
    status_code: txn.statusCode, status_msg: txn.statusMsg, info_code: txn.infoCode, info_msg: txn.infoMsg,
    tags: txn.tags, username: txn.username, password: txn.password, proxied: txn.proxied.length > 0 ? txn.proxied : null,
    orig_fuids: orNull(txn.origFuids), orig_mime_types: orNull(txn.origMimeTypes),
    resp_fuids: orNull(txn.respFuids), resp_mime_types: orNull(txn.respMimeTypes),
  };
}

function orNull(list: string[]): string[] | null {
  return list.length > 0 ? list : null;
}
