import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { createAppLayer } from '../proto/dispatch.js';
import type { ConnRecord } from './conn-record.js';
import { parseZeekLog, trackCapture, tshark } from './testing/track-capture.js';

/** Packets per direction of each conversation, keyed `proto a:port b:port` with a < b as text. */
type Conversations = Map<string, { ab: number; ba: number }>;

function addConversation(map: Conversations, proto: string, x: string, y: string, xy: number, yx: number): void {
  const [key, ab, ba] = x < y ? [`${proto} ${x} ${y}`, xy, yx] : [`${proto} ${y} ${x}`, yx, xy];
  const entry = map.get(key) ?? { ab: 0, ba: 0 };
  entry.ab += ab;
  entry.ba += ba;
  map.set(key, entry);
}

/** tshark's `-z conv,tcp` / `conv,udp` table: "A <-> B  framesBtoA bytes  framesAtoB bytes …". */
function tsharkConversations(path: string, proto: 'tcp' | 'udp'): Conversations {
  const map: Conversations = new Map();
  for (const line of tshark(path, ['-q', '-z', `conv,${proto}`]).split('\n')) {
    const m = /^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+\S+\s+\S+\s+(\d+)/.exec(line);
    if (m) addConversation(map, proto, m[1], m[2], Number(m[4]), Number(m[3]));
  }
  return map;
}

/** IP bytes per direction of each conversation, summed from tshark's per-packet IPv4 total length or IPv6 payload length + 40. */
function tsharkIpBytes(path: string, proto: 'tcp' | 'udp'): Conversations {
  const map: Conversations = new Map();
  const fields = ['ip.src', 'ipv6.src', 'ip.dst', 'ipv6.dst', `${proto}.srcport`, `${proto}.dstport`, 'ip.len', 'ipv6.plen'];
  const out = tshark(path, ['-Y', `${proto} and not icmp and not icmpv6`, '-T', 'fields', '-E', 'separator=,', ...fields.flatMap((f) => ['-e', f])]);
  for (const line of out.split('\n').filter((l) => l !== '')) {
    const [src4, src6, dst4, dst6, sport, dport, len4, plen6] = line.split(',');
    const v6 = src4 === '';
    const bytes = v6 ? Number(plen6) + 40 : Number(len4);
    addConversation(map, proto, `${v6 ? src6 : src4}:${sport}`, `${v6 ? dst6 : dst4}:${dport}`, bytes, 0);
  }
  return map;
}

/** TCP payload bytes per direction of each conversation, summed from tshark's tcp.len. */
function tsharkTcpPayload(path: string): Conversations {
  const map: Conversations = new Map();
  const fields = ['ip.src', 'ipv6.src', 'ip.dst', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'tcp.len'];
  const out = tshark(path, ['-Y', 'tcp and not icmp and not icmpv6', '-T', 'fields', '-E', 'separator=,', ...fields.flatMap((f) => ['-e', f])]);
  for (const line of out.split('\n').filter((l) => l !== '')) {
    const [src4, src6, dst4, dst6, sport, dport, len] = line.split(',');
    addConversation(map, 'tcp', `${src4 || src6}:${sport}`, `${dst4 || dst6}:${dport}`, Number(len), 0);
  }
  return map;
}

/** Our records summed per 5-tuple (tshark does not split a reused 5-tuple). */
function ourConversations(records: ConnRecord[], proto: string, what: 'pkts' | 'ip_bytes' | 'bytes'): Conversations {
  const map: Conversations = new Map();
  for (const r of records.filter((rec) => rec.proto === proto)) {
    addConversation(map, proto, `${r.id_orig_h}:${r.id_orig_p}`, `${r.id_resp_h}:${r.id_resp_p}`, r[`orig_${what}`] ?? 0, r[`resp_${what}`] ?? 0);
  }
  return map;
}

const CONVERSATION_CAPTURES = [
  'pcaps/misc/zeek_wikipedia_http.pcap',
  'pcaps/ssh-bruteforce/zeek_sshguess.pcap',
  'pcaps/tls/zeek_tls1.2.pcap',
  'pcaps/ipv6/zeek_ftp_ipv6.pcap',
  'pcaps/dns-tunnel/dmachard_dns2tcp.pcap',
  'pcaps/scan/evilfingers_nmap_TCP_SYN_SCAN.pcap',
  'pcaps/c2/chrissanders_ratinfected.pcapng',
];

describe.skipIf(!haveCorpus)('FlowTable on corpus captures', () => {
  it.each(CONVERSATION_CAPTURES)('packets and IP bytes per connection and direction match tshark (conv,tcp / conv,udp, IP lengths): %s', async (file) => {
    const { records } = await trackCapture(corpus(file));
    for (const proto of ['tcp', 'udp'] as const) {
      expect(Object.fromEntries(ourConversations(records, proto, 'pkts'))).toEqual(Object.fromEntries(tsharkConversations(corpus(file), proto)));
      expect(Object.fromEntries(ourConversations(records, proto, 'ip_bytes'))).toEqual(Object.fromEntries(tsharkIpBytes(corpus(file), proto)));
    }
  });

  // These captures have no retransmission, loss or reordering (tshark's tcp.analysis finds none), so the
  // sequence-space sizes Zeek logs must equal the sums of the segment lengths.
  it.each(CONVERSATION_CAPTURES.filter((f) => !/dns2tcp|SYN_SCAN/.test(f)))('TCP orig_bytes/resp_bytes from sequence numbers equal tshark\'s tcp.len sums: %s', async (file) => {
    const { records } = await trackCapture(corpus(file));
    expect(Object.fromEntries(ourConversations(records, 'tcp', 'bytes'))).toEqual(Object.fromEntries(tsharkTcpPayload(corpus(file))));
  });

  it('matches Zeek\'s conn.log for Q-in-Q frames (every field but the masked ts and uid)', async () => {
    const { records } = await trackCapture(corpus('pcaps/vlan/zeek_q-in-q.pcap'));
    const zeek = parseZeekLog(readFileSync(corpus('zeek-logs/zeek-baseline_q-in-q_conn.log'), 'utf8'));
    expect(records.map(zeekView)).toEqual(zeek.map(comparable));
    expect(records.map((r) => [r.vlan, r.inner_vlan])).toEqual([[13, 10], [13, 10]].slice(0, records.length));
  });

  it('matches Zeek\'s conn.log for a two-interface pcapng, service included with the application layer plugged in', async () => {
    const { records } = await trackCapture(corpus('pcaps/pcapng/zeek_pcapng-multi-interface.pcapng'), { analyzers: createAppLayer({ emit: () => undefined }) });
    const zeek = parseZeekLog(readFileSync(corpus('zeek-logs/zeek-baseline_pcapng-multi-interface_conn.log'), 'utf8'));
    // This pcapng has nanosecond stamps; libpcap hands Zeek microseconds (truncated), so durations may differ in the 6th decimal.
    const withoutDuration = ({ duration: _d, ...rest }: Record<string, string>) => rest;
    expect(records.map(zeekView).map(withoutDuration)).toEqual(zeek.map((row) => withoutDuration(comparable(row))));
    records.forEach((r, i) => expect(Math.abs((r.duration ?? 0) - Number(zeek[i].duration))).toBeLessThan(2e-6));
  });

  it.each(['pcaps/ipv6/zeek_communityid_ipv6.pcap', 'pcaps/misc/zeek_wikipedia_http.pcap', 'pcaps/ipv6/zeek_icmp6-ping.pcap'])(
    'Community IDs are the ones tshark computes: %s', async (file) => {
      const { records } = await trackCapture(corpus(file));
      const theirs = new Set(tshark(corpus(file), ['--enable-protocol', 'communityid', '-T', 'fields', '-e', 'communityid']).split('\n').filter((l) => l !== ''));
      expect(new Set(records.map((r) => r.community_id))).toEqual(theirs);
    });
});

/** The fields Zeek's baseline shows, rendered as Zeek writes them; ts and uid are masked there. */
function zeekView(r: ConnRecord): Record<string, string> {
  const unset = (v: unknown): string => (v === null ? '-' : typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v));
  return {
    id_orig_h: r.id_orig_h, id_orig_p: String(r.id_orig_p), id_resp_h: r.id_resp_h, id_resp_p: String(r.id_resp_p), proto: r.proto,
    service: unset(r.service), duration: r.duration === null ? '-' : r.duration.toFixed(6), orig_bytes: unset(r.orig_bytes),
    resp_bytes: unset(r.resp_bytes), conn_state: r.conn_state, local_orig: unset(r.local_orig), local_resp: unset(r.local_resp),
    missed_bytes: String(r.missed_bytes), history: unset(r.history), orig_pkts: String(r.orig_pkts), orig_ip_bytes: String(r.orig_ip_bytes),
    resp_pkts: String(r.resp_pkts), resp_ip_bytes: String(r.resp_ip_bytes),
  };
}

/** A Zeek row without the masked fields and the columns our schema does not carry (tunnel_parents, ip_proto). */
function comparable(row: Record<string, string>): Record<string, string> {
  const { ts: _ts, uid: _uid, tunnel_parents: _tunnels, ip_proto: _ipProto, ...rest } = row;
  return rest;
}
