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

/** An unencrypted SSH binary packet (RFC 4253 §6) around `payload`, padded to a multiple of 8. */
export function sshPacket(payload: Uint8Array): Uint8Array {
  let padding = 8 - ((5 + payload.length) % 8);
  if (padding < 4) padding += 8;
  const length = 1 + payload.length + padding;
  return concat([[length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff, padding], payload, new Uint8Array(padding)]);
}

/** An SSH_MSG_KEXINIT packet offering common algorithms. */
export function sshKexInit(rng: Prng, hostKeyAlgorithms: string): Uint8Array {
  const lists = [
    'curve25519-sha256,ecdh-sha2-nistp256,diffie-hellman-group14-sha256', hostKeyAlgorithms,
    'chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com', 'chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com',
    'umac-64-etm@openssh.com,hmac-sha2-256', 'umac-64-etm@openssh.com,hmac-sha2-256', 'none,zlib@openssh.com', 'none,zlib@openssh.com', '', '',
  ].map((l) => text.encode(l));
  const parts: ArrayLike<number>[] = [[20], randomBytes(rng, 16)];
  for (const l of lists) parts.push([0, 0, (l.length >>> 8) & 0xff, l.length & 0xff], l);
  parts.push([0, 0, 0, 0, 0]);
  return sshPacket(concat(parts));
}

/** The SSH messages of a key exchange up to NEWKEYS, then `exchanges` encrypted packets of the given sizes. */
export function sshSession(rng: Prng, client: string, server: string, encrypted: { fromClient: boolean; size: number }[]): { fromClient: boolean; data: Uint8Array }[] {
  return [
    { fromClient: false, data: sshBanner(server) },
    { fromClient: true, data: sshBanner(client) },
    { fromClient: true, data: sshKexInit(rng, 'ssh-ed25519,rsa-sha2-512') },
    { fromClient: false, data: sshKexInit(rng, 'ssh-ed25519') },
    { fromClient: true, data: sshPacket(concat([[30, 0, 0, 0, 32], randomBytes(rng, 32)])) },
    { fromClient: false, data: concat([sshPacket(concat([[31], sshString(hostKey(rng)), sshString(randomBytes(rng, 32)), sshString(randomBytes(rng, 83))])), sshPacket(new Uint8Array([21]))]) },
    { fromClient: true, data: sshPacket(new Uint8Array([21])) },
    ...encrypted.map((e) => ({ fromClient: e.fromClient, data: randomBytes(rng, e.size) })),
  ];
}

function sshString(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  return concat([[n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff], bytes]);
}

function hostKey(rng: Prng): Uint8Array {
  return concat([sshString(text.encode('ssh-ed25519')), sshString(randomBytes(rng, 32))]);
}

/** Application data split into TLS records of at most 16 KiB. */
export function tlsAppData(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let o = 0; o < data.length; o += 16384) {
    const chunk = data.subarray(o, Math.min(data.length, o + 16384));
    parts.push(tlsAppDataHeader(chunk.length), chunk);
  }
  return concat(parts);
}
