import { describe, expect, it } from 'vitest';
import { recordingContext } from '../recording-context.js';
import { SshAnalyzer } from './analyzer.js';
import { detectSsh } from './index.js';
import { hasshAlgorithms, md5Hex, negotiate } from './kexinit.js';

const enc = (s: string) => new TextEncoder().encode(s);

function nameList(s: string): Buffer {
  const b = Buffer.alloc(4 + s.length);
  b.writeUInt32BE(s.length);
  b.write(s, 4, 'latin1');
  return b;
}

/** A clear-text SSH binary packet around `payload` (4 bytes of padding). */
function packet(payload: Buffer): Buffer {
  const padding = 4;
  const head = Buffer.alloc(5);
  head.writeUInt32BE(payload.length + padding + 1);
  head[4] = padding;
  return Buffer.concat([head, payload, Buffer.alloc(padding)]);
}

function kexInit(lists: string[]): Buffer {
  return packet(Buffer.concat([Buffer.from([20]), Buffer.alloc(16), ...lists.map(nameList), Buffer.alloc(5)]));
}

const CLIENT = ['curve25519-sha256,ecdh-sha2-nistp256', 'ssh-ed25519,rsa-sha2-512', 'aes128-ctr,aes256-ctr', 'aes128-ctr', 'hmac-sha2-256', 'hmac-sha2-256', 'none', 'none', '', ''];
const SERVER = ['ecdh-sha2-nistp256', 'rsa-sha2-512', 'aes256-ctr', 'aes128-ctr', 'hmac-sha2-256', 'hmac-sha2-256', 'none,zlib', 'none', '', ''];

describe('SshAnalyzer', () => {
  it('logs banners, negotiated algorithms, HASSH and host key from a crafted exchange', () => {
    const ctx = recordingContext();
    const a = new SshAnalyzer(ctx);
    expect(a.deliver(true, enc('SSH-2.0-Client_1.0'), 1)).toBe(0);
    a.deliver(true, enc('SSH-2.0-Client_1.0\r\n'), 1);
    a.deliver(false, Buffer.concat([Buffer.from('Welcome\r\nSSH-2.0-Server_2.0\r\n'), kexInit(SERVER)]), 2);
    const k = kexInit(CLIENT);
    expect(a.deliver(true, k.subarray(0, 10), 3)).toBe(0);
    a.deliver(true, k, 3);
    const hostKey = Buffer.from('fake-host-key-blob');
    a.deliver(false, packet(Buffer.concat([Buffer.from([31]), nameList(hostKey.toString('latin1'))])), 4);
    a.deliver(false, packet(Buffer.from([21])), 5);
    a.end(6);
    const [rec] = ctx.stream('ssh');
    expect(rec).toMatchObject({
      version: 2, client: 'SSH-2.0-Client_1.0', server: 'SSH-2.0-Server_2.0', kex_alg: 'ecdh-sha2-nistp256',
      host_key_alg: 'rsa-sha2-512', cipher_alg: 'To server: aes256-ctr, to client: aes128-ctr', mac_alg: 'hmac-sha2-256', compression_alg: 'none',
      hassh: md5Hex('curve25519-sha256,ecdh-sha2-nistp256;aes128-ctr,aes256-ctr;hmac-sha2-256;none'),
      auth_attempts: 0, auth_success: null,
    });
    expect(String(rec.host_key)).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(ctx.weirds).toEqual([]);
    expect(ctx.services).toEqual(['ssh']);
  });

  it('names a bad packet length and stops without throwing', () => {
    const ctx = recordingContext();
    const a = new SshAnalyzer(ctx);
    a.deliver(true, Buffer.concat([Buffer.from('SSH-2.0-x\r\n'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0])]), 1);
    a.end(2);
    expect(ctx.weirds).toEqual(['ssh_bad_packet_length']);
    expect(ctx.stream('ssh')).toMatchObject([{ client: 'SSH-2.0-x' }]);
  });
});

describe('SSH helpers', () => {
  it('negotiates the first client algorithm the server supports', () => {
    expect(negotiate(['a', 'b', 'c'], ['c', 'b'])).toBe('b');
    expect(negotiate(['a'], ['b'])).toBeNull();
  });

  it('builds the HASSH string from client-to-server lists', () => {
    const k = { kex: ['k1', 'k2'], hostKey: [], encC2S: ['e'], encS2C: ['x'], macC2S: ['m'], macS2C: ['y'], compC2S: ['none'], compS2C: ['z'] };
    expect(hasshAlgorithms(k)).toBe('k1,k2;e;m;none');
  });

  it('detects an identification string', () => {
    expect(detectSsh(false, enc('SSH-2.0-OpenSSH'))).toBe('yes');
    expect(detectSsh(true, enc('SS'))).toBe('more');
    expect(detectSsh(true, enc('GET /'))).toBe('no');
  });
});
