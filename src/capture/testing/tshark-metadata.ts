import { tshark } from '../../../test/helpers/tshark.js';

/**
 * tshark's view of each frame of `file` in the packet-metadata CSV format
 * (ts,src_ip,src_port,dst_ip,dst_port,protocol,length), without the header:
 * the oracle of the CSV that `tracer capture --csv` writes.
 */
export function tsharkMetadataRows(file: string): string[] {
  const out = tshark(['-r', file, '-T', 'fields', '-E', 'separator=,', '-e', 'frame.time_epoch', '-e', 'ip.src', '-e', 'ipv6.src',
    '-e', 'tcp.srcport', '-e', 'udp.srcport', '-e', 'ip.dst', '-e', 'ipv6.dst', '-e', 'tcp.dstport', '-e', 'udp.dstport', '-e', 'frame.protocols', '-e', 'frame.len']);
  return out.trim().split('\n').filter((line) => line !== '').map((line) => {
    const [ts, s4, s6, stcp, sudp, d4, d6, dtcp, dudp, protocols, len] = line.split(',');
    const layers = protocols.split(':');
    const proto = ['tcp', 'udp', 'icmpv6', 'icmp', 'arp'].find((p) => layers.includes(p)) ?? '';
    return [ts.slice(0, ts.indexOf('.') + 7), s4 || s6, stcp || sudp, d4 || d6, dtcp || dudp, proto === 'icmpv6' ? 'icmp6' : proto, len].join(',');
  });
}
