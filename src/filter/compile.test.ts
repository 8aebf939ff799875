import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../capture/index.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { corpus } from '../../test/helpers/corpus.js';
import { compileFilter } from './index.js';
import { tcpdumpFrames } from './tcpdump-oracle.js';

/** Frame numbers of `file` each filter keeps, decoding the file once. */
async function ourFrames(file: string, exprs: string[]): Promise<number[][]> {
  const predicates = exprs.map((e) => compileFilter(e));
  const frames = exprs.map((): number[] => []);
  const decoder = new PacketDecoder();
  const pkt = newDecodedPacket();
  await readCapture(file, {
    packet(raw) {
      decoder.decode(raw, pkt);
      predicates.forEach((match, i) => { if (match(pkt)) frames[i].push(raw.frameNumber); });
    },
  });
  return frames;
}

/** Captures and the expressions checked on them; every one must select some packets and not all. */
const cases: Array<[string, string[]]> = [
  ['pcaps/scan/zeek_nmap-vsn.pcap', [
    'arp', 'tcp', 'udp', 'host 192.168.1.71', 'src host 192.168.1.71 and not arp', 'dst host 192.168.1.1',
    'tcp and (port 80 or port 443)', 'tcp dst port 443', 'net 192.168.1.0/28', 'src net 192.168.1.0 mask 255.255.255.240',
    'not tcp and not arp', 'portrange 1-100', 'udp or icmp',
  ]],
  ['pcaps/scan/evilfingers_nmap_UDP_SCAN.pcap', [
    'icmp', 'udp and dst port 137', 'udp src portrange 1000-2000', '! udp', 'proto 17 && host 192.168.1.25',
    'ip proto \\icmp', 'src host 192.168.1.25 and icmp',
  ]],
  ['pcaps/ipv6/zeek_ftp_ipv6.pcap', ['ip6', 'ip', 'tcp port 21', 'host 2001:470:1f11:81f:c999:d94:aa7c:2e3e', 'net 2001:470::/32 and tcp', 'icmp6']],
  ['pcaps/ipv6/zeek_icmp6-ping.pcap', ['icmp6', 'ip6 proto 58 and src net fe80::/10', 'not icmp6']],
  ['pcaps/ssh-bruteforce/zeek_sshguess.pcap', ['tcp dst port 22 and src host 192.168.56.1', '(tcp and port 22) or arp', 'not (port 22)']],
  ['pcaps/dos/stopddos_amp.dns.RRSIG.fragmented.pcap', ['udp', 'tcp and not port 61940', 'dst net 10.10.10.0/24 and udp', 'ip and not udp']],
  ['pcaps/vlan/zeek_icmp_dot1q.pcap', ['vlan', 'vlan and icmp', 'vlan 10', 'not vlan']],
  ['pcaps/c2/chrissanders_ratinfected.pcapng', ['tcp', 'udp port 53', 'host 172.16.0.8 and tcp', 'not ip']],
];

describe.each(cases)('filters on %s equal tcpdump (BPF)', (file, exprs) => {
  it('selects the same frames for every expression', async () => {
    const path = corpus(file);
    const ours = await ourFrames(path, exprs);
    exprs.forEach((expr, i) => {
      const expected = tcpdumpFrames(path, expr);
      expect({ expr, frames: ours[i] }).toEqual({ expr, frames: expected });
    });
  });
});

describe('ports on IP fragments', () => {
  it('match the first fragment as BPF does, except a first fragment that arrives last (explained difference)', async () => {
    const path = corpus('pcaps/dos/stopddos_amp.dns.RRSIG.fragmented.pcap');
    const expr = 'udp src port 53';
    const [ours] = await ourFrames(path, [expr]);
    const bpf = tcpdumpFrames(path, expr);
    // tshark without reassembly: the wire fragment offset and MF flag of every frame.
    const fields = spawnSync('tshark', ['-r', path, '-o', 'ip.defragment:FALSE', '-T', 'fields', '-e', 'frame.number', '-e', 'ip.frag_offset', '-e', 'ip.flags.mf'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const firstFragments = new Set(fields.stdout.split('\n').map((l) => l.split('\t')).filter(([, off, mf]) => off === '0' && mf === '1').map(([n]) => Number(n)));
    const missed = bpf.filter((n) => !ours.includes(n));
    expect(ours.filter((n) => !bpf.includes(n))).toEqual([]);
    expect(ours.length).toBeGreaterThan(100);
    // Tracer's decoder hands over the reassembled datagram when the first fragment completes it, so its wire offset is gone.
    expect(missed.length).toBeLessThan(bpf.length / 10);
    for (const n of missed) expect(firstFragments.has(n)).toBe(true);
  });
});

describe('address families', () => {
  it('never matches an IPv4 host or net on an IPv6 packet carrying the mapped address', () => {
    const pkt = Object.assign(newDecodedPacket(), { ipVersion: 6, etherType: 0x86dd });
    pkt.src.set([0, 0, 0xffff, 0x0a000001]);
    expect(compileFilter('host 10.0.0.1')(pkt)).toBe(false);
    expect(compileFilter('net 10.0.0.0/8')(pkt)).toBe(false);
    expect(compileFilter('host ::ffff:10.0.0.1')(pkt)).toBe(true);
    pkt.ipVersion = 4;
    expect(compileFilter('src host 10.0.0.1 and src net 10.0.0.0/8')(pkt)).toBe(true);
  });
});
