import { describe, expect, it } from 'vitest';
import { parseAddress } from '../decode/address.js';
import { LocalNets } from './local-nets.js';

const a = (text: string) => parseAddress(text) as Uint32Array;

describe('LocalNets', () => {
  it('by default holds private, CGNAT, loopback, link-local and unique-local addresses', () => {
    const nets = new LocalNets();
    for (const local of ['10.1.2.3', '172.31.255.255', '192.168.0.1', '100.64.0.1', '127.0.0.1', '169.254.9.9', 'fd00::1', 'fe80::1', '::1']) {
      expect(nets.contains(a(local)), local).toBe(true);
    }
    for (const remote of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1', '::2']) expect(nets.contains(a(remote)), remote).toBe(false);
  });

  it('takes configured networks, and rejects text that is not one with a one-line message', () => {
    const nets = new LocalNets(['8.8.8.0/24', '2001:db8::/32']);
    expect(nets.contains(a('8.8.8.8'))).toBe(true);
    expect(nets.contains(a('10.0.0.1'))).toBe(false);
    expect(nets.contains(a('2001:db8:1::5'))).toBe(true);
    expect(() => new LocalNets(['10.0.0.0/33'])).toThrow('Cannot parse local network "10.0.0.0/33"');
  });
});
