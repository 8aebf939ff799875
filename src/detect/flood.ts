import { severityFor } from './alert.js';
import { bytes, count, seconds, type SqlDetector } from './sql-detector.js';

/** Plain-words name of each flood kind. */
const KIND_NAMES: Record<string, string> = {
  syn_flood: 'SYN flood', tcp_reflection: 'TCP reflection/backscatter flood', udp_flood: 'UDP flood', icmp_flood: 'ICMP flood', amplification: 'UDP amplification attack',
};

/** SYN, UDP and ICMP floods, TCP reflection and UDP amplification onto one victim. */
export const flood: SqlDetector = {
  name: 'flood',
  file: 'flood',
  attack: { tactic: 'Impact', techniqueId: 'T1498', technique: 'Network Denial of Service' },
  describe(row) {
    const spoofed = row.spoofed ? ' (spoofed: sources this diverse are forged)' : '';
    return {
      severity: severityFor(Number(row.score), 'medium'),
      explanation: `${KIND_NAMES[String(row.kind)]} on ${row.victim} (port ${row.top_port}): ${count(row.packets)} packets, ${bytes(row.bytes)} from ${count(row.sources)} sources${spoofed} over ${seconds(row.duration)}, peak ${count(row.peak_pps)} packets/s and ${count(row.peak_bps)} bits/s.`,
      evidence: {
        kind: row.kind, connections: row.conns, sources: row.sources, packets: row.packets, bytes: row.bytes, peak_pps: row.peak_pps,
        peak_bps: row.peak_bps, duration: row.duration, victim_port: row.top_port, victim_ports: row.ports, spoofed: row.spoofed, sample_sources: row.sample_sources,
      },
    };
  },
};
