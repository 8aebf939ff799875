import { be16 } from './frame-builder.js';
import type { Prng } from './prng.js';

const text = new TextEncoder();

/** An HTTP/1.1 GET request. */
export function httpRequest(host: string, path: string, userAgent: string): Uint8Array {
  return text.encode(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\nConnection: close\r\n\r\n`);
}

/** HTTP/1.1 response headers announcing a body of `bodyLength` bytes. */
export function httpResponseHead(status: number, contentType: string, bodyLength: number): Uint8Array {
  const reason = status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Status';
  return text.encode(`HTTP/1.1 ${status} ${reason}\r\nServer: nginx\r\nContent-Type: ${contentType}\r\nContent-Length: ${bodyLength}\r\n\r\n`);
}

/** A DNS query for an A record. */
export function dnsQuery(id: number, name: string, qtype = 1): Uint8Array {
  const q = encodeName(name);
  const out = new Uint8Array(12 + q.length + 4);
  be16(out, 0, id); be16(out, 2, 0x0100); be16(out, 4, 1);
  out.set(q, 12); be16(out, 12 + q.length, qtype); be16(out, 14 + q.length, 1);
  return out;
}

/** A DNS response to `query` with one A record per address (compressed names). */
export function dnsResponse(query: Uint8Array, addresses: Uint8Array[], ttl: number): Uint8Array {
  const out = new Uint8Array(query.length + addresses.length * 16);
  out.set(query); be16(out, 2, 0x8180); be16(out, 6, addresses.length);
  let o = query.length;
  for (const a of addresses) {
    be16(out, o, 0xc00c); be16(out, o + 2, 1); be16(out, o + 4, 1);
    be16(out, o + 6, ttl >>> 16); be16(out, o + 8, ttl & 0xffff); be16(out, o + 10, 4);
    out.set(a, o + 12); o += 16;
  }
  return out;
}

function encodeName(name: string): Uint8Array {
  const parts = name.split('.').map((l) => text.encode(l));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 1));
  let o = 0;
  for (const p of parts) { out[o++] = p.length; out.set(p, o); o += p.length; }
  return out;
}

/** A TLS 1.2-style ClientHello record with SNI and ALPN. */
export function tlsClientHello(rng: Prng, serverName: string): Uint8Array {
  const sni = text.encode(serverName);
  const ext = [
    ext16(0x0000, [u16(sni.length + 3), [0], u16(sni.length), sni]),
    ext16(0x000a, [u16(6), u16(0x001d), u16(0x0017), u16(0x0018)]),
    ext16(0x000b, [[1, 0]]),
    ext16(0x0010, [u16(12), [2], text.encode('h2'), [8], text.encode('http/1.1')]),
    ext16(0x000d, [u16(6), u16(0x0403), u16(0x0804), u16(0x0401)]),
  ];
  const body = concat([
    u16(0x0303), randomBytes(rng, 32), [0],
    u16(8), u16(0xc02f), u16(0xc030), u16(0xc02b), u16(0x009c), [1, 0],
    u16(ext.reduce((n, e) => n + e.length, 0)), ...ext,
  ]);
  return tlsRecord(0x16, concat([[1], u24(body.length), body]));
}

/** A ServerHello, ChangeCipherSpec pair as one flight. */
export function tlsServerHello(rng: Prng): Uint8Array {
  const body = concat([u16(0x0303), randomBytes(rng, 32), [0], u16(0xc02f), [0], u16(0)]);
  return concat([tlsRecord(0x16, concat([[2], u24(body.length), body])), tlsRecord(0x14, new Uint8Array([1]))]);
}

/** A TLS application-data record header for `length` bytes of ciphertext. */
export function tlsAppDataHeader(length: number): Uint8Array {
  return new Uint8Array([0x17, 0x03, 0x03, (length >>> 8) & 0xff, length & 0xff]);
}

function tlsRecord(type: number, body: Uint8Array): Uint8Array {
  return concat([[type, 3, 3], u16(body.length), body]);
}

function ext16(type: number, parts: ArrayLike<number>[]): Uint8Array {
  const body = concat(parts);
  return concat([u16(type), u16(body.length), body]);
}

function u16(v: number): number[] { return [(v >>> 8) & 0xff, v & 0xff]; }
function u24(v: number): number[] { return [(v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]; }

function randomBytes(rng: Prng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
  return out;
}

/** Concatenates byte arrays and number lists. */
export function concat(parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** An SSH identification line. */
export function sshBanner(software: string): Uint8Array {
  return text.encode(`SSH-2.0-${software}\r\n`);
}
