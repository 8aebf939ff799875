import { describe, expect, it } from 'vitest';
import type { ClientHello } from './client-hello.js';
import { ja4 } from './ja4.js';

/**
 * The published JA4 example (FoxIO JA4 technical details: Chrome,
 * `t13d1516h2_8daaf6152771_e5627efa2ab1`), rebuilt as a ClientHello with
 * GREASE values sprinkled in as Chrome sends them.
 */
function chromeHello(): ClientHello {
  return {
    version: 0x0303, sessionId: '',
    ciphers: [0x1a1a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035],
    extensions: [0x2a2a, 0x0000, 0x0017, 0xff01, 0x000a, 0x000b, 0x0023, 0x0010, 0x0005, 0x000d, 0x0012, 0x0033, 0x002d, 0x002b, 0x001b, 0x4469, 0x0015, 0x3a3a],
    groups: [0x0a0a, 0x001d, 0x0017, 0x0018], pointFormats: [0],
    signatureAlgorithms: [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601],
    supportedVersions: [0x7a7a, 0x0304, 0x0303], alpn: ['h2', 'http/1.1'], serverName: 'example.com',
  };
}

describe('ja4', () => {
  it('reproduces the published Chrome example, GREASE ignored', () => {
    expect(ja4(chromeHello())).toBe('t13d1516h2_8daaf6152771_e5627efa2ab1');
  });

  it('marks a missing SNI and ALPN and falls back to the legacy version', () => {
    const hello = { ...chromeHello(), extensions: [0x000a, 0x000d], supportedVersions: [], alpn: [], signatureAlgorithms: [] };
    expect(ja4(hello)).toMatch(/^t12i150200_8daaf6152771_[0-9a-f]{12}$/);
  });

  it('uses hex digits for a non-alphanumeric ALPN and zeros for empty lists', () => {
    const hello = { ...chromeHello(), ciphers: [], extensions: [0x0010], alpn: ['\\xab\\xcd'] };
    expect(ja4(hello)).toBe('t13i0001ad_000000000000_000000000000');
  });
});
