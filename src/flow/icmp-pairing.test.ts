import { describe, expect, it } from 'vitest';
import { icmpCounterpart } from './icmp-pairing.js';
import { icmp, track, udp } from './testing/crafted.js';

describe('icmpCounterpart', () => {
  it('maps two-way ICMP and ICMPv6 types to their counterparts and one-way types to -1', () => {
    expect([icmpCounterpart(1, 8), icmpCounterpart(1, 0), icmpCounterpart(1, 13), icmpCounterpart(1, 3)]).toEqual([0, 8, 14, -1]);
    expect([icmpCounterpart(58, 128), icmpCounterpart(58, 136), icmpCounterpart(58, 1)]).toEqual([129, 135, -1]);
  });
});

describe('FlowTable: ICMP and IPv6 connections', () => {
  it('puts an echo request and its reply in one connection: orig_p type, resp_p counterpart, OTH, no history', () => {
    const { records } = track([[0, icmp('10.0.0.1', '8.8.8.8', 8, 0)], [0.02, icmp('8.8.8.8', '10.0.0.1', 0, 0)], [1, icmp('10.0.0.1', '8.8.8.8', 8, 0)]]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      proto: 'icmp', id_orig_h: '10.0.0.1', id_orig_p: 8, id_resp_h: '8.8.8.8', id_resp_p: 0, conn_state: 'OTH', history: null,
      orig_pkts: 2, resp_pkts: 1, orig_bytes: 112, resp_bytes: 56, orig_ip_bytes: 2 * 84, local_orig: true, local_resp: false,
    });
  });

  it('keeps one-way messages directional, with the code as resp_p', () => {
    const { records } = track([[0, icmp('10.0.0.9', '10.0.0.1', 3, 3)], [0.5, icmp('10.0.0.1', '10.0.0.9', 3, 3)]]);
    expect(records.map((r) => [r.id_orig_h, r.id_orig_p, r.id_resp_p])).toEqual([['10.0.0.9', 3, 3], ['10.0.0.1', 3, 3]]);
  });

  it('tracks ICMPv6 neighbour discovery and IPv6 UDP with IPv6 addresses and local flags', () => {
    const { records } = track([
      [0, icmp('fe80::1', 'fe80::2', 135, 0, 24)], [0.001, icmp('fe80::2', 'fe80::1', 136, 0, 24)],
      [1, udp('[2001:db8::5]:5353', '[2001:db8::6]:4444', 20)],
    ]);
    records.sort((x, y) => x.ts - y.ts);
    expect(records.map((r) => [r.proto, r.id_orig_h, r.id_orig_p, r.id_resp_h, r.id_resp_p, r.orig_pkts, r.resp_pkts, r.local_orig])).toEqual([
      ['icmp', 'fe80::1', 135, 'fe80::2', 136, 1, 1, true],
      ['udp', '2001:db8::6', 4444, '2001:db8::5', 5353, 0, 1, false],
    ]);
    expect(records[1]).toMatchObject({ history: '^d', conn_state: 'SHR' });
  });

  it('ends an ICMP connection after the ICMP inactivity timeout', () => {
    const { records } = track([[0, icmp('10.0.0.1', '8.8.8.8', 8, 0)], [61, icmp('10.0.0.1', '8.8.8.8', 8, 0)]]);
    expect(records).toHaveLength(2);
  });
});
