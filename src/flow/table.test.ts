import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { newRawPacket } from '../capture/packet.js';
import { FlowTable } from './table.js';
import { tcp, track, udp } from './testing/crafted.js';

const C = '10.0.0.1:40000', S = '93.184.216.34:80';

/** A full client/server exchange: handshake, 100 bytes up, 300 down, FIN both ways. */
function fullSession(t0 = 1000, isn = 1000, rsn = 5000) {
  return [
    [t0, tcp(C, S, 'S', isn, 0)],
    [t0 + 0.1, tcp(S, C, 'SA', rsn, isn + 1)],
    [t0 + 0.2, tcp(C, S, 'A', isn + 1, rsn + 1)],
    [t0 + 0.3, tcp(C, S, 'PA', isn + 1, rsn + 1, 100)],
    [t0 + 0.4, tcp(S, C, 'PA', rsn + 1, isn + 101, 300)],
    [t0 + 0.5, tcp(C, S, 'FA', isn + 101, rsn + 301)],
    [t0 + 0.6, tcp(S, C, 'FA', rsn + 301, isn + 102)],
    [t0 + 0.7, tcp(C, S, 'A', isn + 102, rsn + 302)],
  ] as const;
}

describe('FlowTable: TCP conn_state and history', () => {
  it('a complete session is SF with sizes from sequence numbers', () => {
    const { records } = track(fullSession());
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r).toMatchObject({
      id_orig_h: '10.0.0.1', id_orig_p: 40000, id_resp_h: '93.184.216.34', id_resp_p: 80, proto: 'tcp',
      conn_state: 'SF', history: 'ShADdFf', orig_bytes: 100, resp_bytes: 300, orig_pkts: 5, resp_pkts: 3,
      orig_ip_bytes: 5 * 40 + 100, resp_ip_bytes: 3 * 40 + 300, local_orig: true, local_resp: false, missed_bytes: 0,
      open_at_end: false, ts: 1000,
    });
    // As in Zeek, packets after both FINs do not extend the connection's last time.
    expect(r.duration).toBeCloseTo(0.6, 9);
    expect(r.uid).toMatch(/^C[0-9A-Za-z]{18}$/);
    expect(r.community_id).toMatch(/^1:[A-Za-z0-9+/]{27}=$/);
  });

  it('an unanswered SYN is S0, and its retransmissions show as one S', () => {
    const { records } = track([[0, tcp(C, S, 'S', 7, 0)], [1, tcp(C, S, 'S', 7, 0)], [3, tcp(C, S, 'S', 7, 0)]]);
    expect(records.map((r) => [r.conn_state, r.history, r.orig_pkts, r.open_at_end])).toEqual([['S0', 'S', 3, true]]);
  });

  it('ends an attempt after tcp_attempt_delay, so a later SYN starts a new S0 connection', () => {
    const { records } = track([[0, tcp(C, S, 'S', 7, 0)], [1, tcp(C, S, 'S', 7, 0)], [7, tcp(C, S, 'S', 7, 0)]]);
    expect(records.map((r) => [r.conn_state, r.orig_pkts, r.open_at_end])).toEqual([['S0', 2, false], ['S0', 1, true]]);
  });

  it('a SYN answered by RST is REJ', () => {
    const { records } = track([[0, tcp(C, S, 'S', 7, 0)], [0.1, tcp(S, C, 'RA', 0, 8)]]);
    expect(records[0]).toMatchObject({ conn_state: 'REJ', history: 'Sr', orig_bytes: 0, resp_bytes: 0 });
  });

  it('established but not closed is S1; one FIN is S2 or S3', () => {
    const s = fullSession();
    expect(track(s.slice(0, 5)).records[0]).toMatchObject({ conn_state: 'S1', open_at_end: true });
    expect(track(s.slice(0, 6)).records[0].conn_state).toBe('S2');
    const respFin = [...s.slice(0, 5), [1000.6, tcp(S, C, 'FA', 5301, 1101)] as const];
    expect(track(respFin).records[0].conn_state).toBe('S3');
  });

  it('resets after establishment are RSTO (originator) and RSTR (responder)', () => {
    const s = fullSession().slice(0, 5);
    expect(track([...s, [1001, tcp(C, S, 'RA', 1101, 5301)]]).records[0]).toMatchObject({ conn_state: 'RSTO', history: 'ShADdR' });
    expect(track([...s, [1001, tcp(S, C, 'R', 5301, 0)]]).records[0]).toMatchObject({ conn_state: 'RSTR', history: 'ShADdr' });
  });

  it('a SYN then a RST from the originator, responder silent, is RSTOS0', () => {
    expect(track([[0, tcp(C, S, 'S', 7, 0)], [0.5, tcp(C, S, 'R', 8, 0)]]).records[0]).toMatchObject({ conn_state: 'RSTOS0', history: 'SR' });
  });

  it('a responder RST without a SYN seen is RSTRH; a SYN-ACK then RST from the originator side is REJ-like RSTR', () => {
    expect(track([[0, tcp(S, C, 'SA', 5000, 8)], [0.1, tcp(S, C, 'R', 5001, 0)]]).records[0]).toMatchObject({ conn_state: 'RSTRH', history: '^hr' });
  });

  it('a FIN from the originator with a silent responder is SH; the reverse SHR', () => {
    expect(track([[0, tcp(C, S, 'S', 7, 0)], [0.1, tcp(C, S, 'FA', 8, 1)]]).records[0].conn_state).toBe('SH');
    expect(track([[0, tcp(S, C, 'FA', 50, 8)]]).records[0]).toMatchObject({ conn_state: 'SHR', history: '^f' });
  });

  it('midstream data with no handshake is OTH', () => {
    const { records } = track([[0, tcp(C, S, 'PA', 100, 900, 10)], [0.1, tcp(S, C, 'A', 900, 110)]]);
    expect(records[0]).toMatchObject({ conn_state: 'OTH', history: 'Da', orig_bytes: 10, resp_bytes: 0 });
  });

  it('counts retransmissions with the repeat letter at 1, 10 and 100 occurrences', () => {
    const pkts: [number, ReturnType<typeof tcp>][] = [...fullSession().slice(0, 4)].map(([t, p]) => [t, p]);
    for (let i = 0; i < 100; i++) pkts.push([1000.35 + i * 0.001, tcp(C, S, 'PA', 1001, 5001, 100)]);
    const { records } = track(pkts);
    expect(records[0].history).toBe('ShADTTT');
    expect(track(pkts.slice(0, 14)).records[0].history).toBe('ShADTT');
  });

  it('records a zero window as W, after the A of the same packet', () => {
    const pkts = [...fullSession().slice(0, 3), [1000.3, tcp(S, C, 'A', 5001, 1001, 0, 0)] as const];
    expect(track(pkts).records[0].history).toBe('ShAaw');
  });

  it('counts acknowledged but unseen bytes as missed_bytes with a G', () => {
    const s = fullSession();
    // The originator's 100 bytes are never captured, but the server acknowledges them.
    const { records } = track([...s.slice(0, 3), ...s.slice(4)]);
    expect(records[0]).toMatchObject({ missed_bytes: 100, orig_bytes: 100, conn_state: 'SF' });
    expect(records[0].history).toContain('g'.toUpperCase());
  });
});

describe('FlowTable: originator choice and port reuse', () => {
  it('flips a connection first seen at its SYN-ACK from a server port', () => {
    const { records } = track(fullSession().slice(1));
    expect(records[0]).toMatchObject({ id_orig_h: '10.0.0.1', id_resp_p: 80, history: '^hADdFf', orig_pkts: 4, resp_pkts: 3 });
  });

  it('does not flip a SYN-ACK between two unprivileged ports (Zeek keeps stealth scans as they are)', () => {
    const { records } = track([[0, tcp('10.0.0.9:5555', '10.0.0.8:6666', 'SA', 1, 2)]]);
    expect(records[0]).toMatchObject({ id_orig_p: 5555, history: 'H' });
  });

  it('flips roles when the SYN arrives after its SYN-ACK', () => {
    const { records } = track([[0, tcp('10.0.0.9:5555', '10.0.0.8:6666', 'SA', 500, 101)], [0.001, tcp('10.0.0.8:6666', '10.0.0.9:5555', 'S', 100, 0)]]);
    expect(records[0]).toMatchObject({ id_orig_p: 6666, id_resp_p: 5555, history: 'Hs^', conn_state: 'S1' });
  });

  it('starts a new connection when a SYN reuses a closed 5-tuple', () => {
    const { records, table } = track([...fullSession(1000, 1000), ...fullSession(1001, 90000, 70000)]);
    expect(records.map((r) => [r.conn_state, r.ts])).toEqual([['SF', 1000], ['SF', 1001]]);
    expect(records[0].uid).not.toBe(records[1].uid);
    expect(table.stats()).toMatchObject({ created: 2, reused: 1, closed: 1, packets: 16 });
  });

  it('flips UDP from a likely server port, with ^ first', () => {
    const { records } = track([[0, udp('8.8.8.8:53', '10.0.0.1:33333', 80)], [0.01, udp('10.0.0.1:33333', '8.8.8.8:53', 30)]]);
    expect(records[0]).toMatchObject({ id_orig_h: '10.0.0.1', id_resp_p: 53, history: '^dD', conn_state: 'SF', orig_bytes: 30, resp_bytes: 80 });
  });
});

describe('FlowTable: determinism', () => {
  it('gives identical records, uids included, for the same input; other traffic gets other uids', () => {
    expect(track(fullSession()).records).toEqual(track(fullSession()).records);
    expect(track(fullSession(2000)).records[0].uid).not.toBe(track(fullSession()).records[0].uid);
  });
});

describe('FlowTable: timeouts, budget and end of input', () => {
  it('ends idle connections after the configured inactivity timeouts', () => {
    const pkts = [[0, udp(C, '10.0.0.2:9999', 10)], [59, udp(C, '10.0.0.2:9999', 10)], [120, udp(C, '10.0.0.2:9999', 10)]] as const;
    const { records, table } = track(pkts);
    expect(records.map((r) => [r.orig_pkts, r.conn_state, r.open_at_end])).toEqual([[2, 'S0', false], [1, 'S0', true]]);
    expect(records[0].duration).toBe(59);
    expect(table.stats()).toMatchObject({ timedOut: 1, flushed: 1 });
    expect(track(pkts, { udpInactivity: 30 }).records).toHaveLength(3);
  });

  it('advance() ends idle connections without a packet, as on an idle live link', () => {
    const records: unknown[] = [];
    const table = new FlowTable({ onConn: (rec) => records.push(rec) });
    table.add(0, newRawPacket(), udp(C, '10.0.0.2:9999', 10));
    table.advance(59);
    expect(records).toHaveLength(0);
    table.advance(61);
    expect(records).toHaveLength(1);
    expect(table.stats()).toMatchObject({ timedOut: 1, active: 0 });
  });

  it('with vlanKeys, the same 5-tuple on two VLANs is two connections; by default one, as Zeek', () => {
    const tagged = (vlan: number) => { const p = udp(C, '10.0.0.2:9999', 10); p.vlan = vlan; return p; };
    expect(track([[0, tagged(42)], [1, tagged(10)]]).records).toHaveLength(1);
    const split = track([[0, tagged(42)], [1, tagged(10)]], { vlanKeys: true }).records;
    expect(split.map((r) => r.vlan).sort()).toEqual([10, 42]);
  });

  it('never expires a connection that stayed active, and ends an idle one behind it on time', () => {
    const A = [C, '10.0.0.2:9999'] as const, B = ['10.0.0.3:1', '10.0.0.2:9999'] as const;
    const { records } = track([[0, udp(...A, 1)], [10, udp(...B, 1)], [50, udp(...A, 1)], [65, udp(...A, 1)], [75, udp(...A, 1)]]);
    expect(records.map((r) => [r.id_orig_h, r.orig_pkts, r.open_at_end])).toEqual([['10.0.0.3', 1, false], ['10.0.0.1', 4, true]]);
  });

  it('evicts the connection idle the longest, not one whose list position is stale', () => {
    const pkts = [[0, udp('10.0.0.1:1', '10.0.1.1:2', 1)], [1, udp('10.0.0.2:1', '10.0.1.1:2', 1)], [2, udp('10.0.0.1:1', '10.0.1.1:2', 1)],
      [3, udp('10.0.0.3:1', '10.0.1.1:2', 1)]] as const;
    const { records } = track(pkts, { maxConnections: 2 });
    expect(records.map((r) => [r.id_orig_h, r.open_at_end])).toEqual([['10.0.0.2', false], ['10.0.0.1', true], ['10.0.0.3', true]]);
  });

  it('a single-packet connection has no duration or byte counts, as Zeek logs it', () => {
    expect(track([[5, udp(C, '10.0.0.2:9', 10)]]).records[0]).toMatchObject({ duration: null, orig_bytes: null, resp_bytes: null, history: 'D' });
  });

  it('evicts at the budget, counts it as stats and weird, and loses no packet', () => {
    const weird = new WeirdCounter();
    const pkts = Array.from({ length: 10 }, (_, i) => [i, udp(`10.0.0.${i + 1}:1000`, '10.0.1.1:2000', 5)] as const);
    const { records, table } = track(pkts, { maxConnections: 4, weird });
    expect(records).toHaveLength(10);
    expect(table.stats()).toMatchObject({ evicted: 6, maxActive: 4, flushed: 4, emitted: 10, active: 0 });
    expect(weird.counts.get('conn_table_full_evicted')).toBe(6);
  });

  it('rejects a nonsensical configuration with a one-line message', () => {
    expect(() => track([], { udpInactivity: -1 })).toThrow('Cannot use udpInactivity -1: expected a positive number of seconds');
    expect(() => track([], { maxConnections: 0 })).toThrow('Cannot use maxConnections 0');
  });

  it('counts non-IP, other-protocol and undecodable packets without tracking them', () => {
    const other = udp(C, S, 0);
    other.ipProto = 47;
    const broken = tcp(C, S, 'S', 1, 0);
    broken.payloadOffset = 0;
    const arp = udp(C, S, 0);
    arp.ipVersion = 0;
    const { records, table } = track([[0, other], [0, broken], [0, arp]]);
    expect(records).toHaveLength(0);
    expect(table.stats()).toMatchObject({ otherProtoPackets: 1, undecodedPackets: 1, nonIpPackets: 1, packets: 0 });
  });
});
