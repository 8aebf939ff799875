import { severityFor } from './alert.js';
import { count, seconds, type SqlDetector } from './sql-detector.js';

/** Vertical, horizontal and block port scans (scan type from the TCP history), ARP sweeps and IP-protocol scans. */
export const portScan: SqlDetector = {
  name: 'port_scan',
  file: 'port-scan',
  attack: { tactic: 'Discovery', techniqueId: 'T1046', technique: 'Network Service Discovery' },
  describe(row) {
    const open = row.open_ports as number[];
    const phrase = `${row.slow ? 'slow ' : ''}${row.kind === 'protocol' ? 'vertical' : String(row.kind).replace('_', ' ')}`;
    const what = row.kind === 'vertical' ? `${count(row.ports)} ports on ${row.target}`
      : row.kind === 'protocol' ? `${count(row.ports)} IP protocols on ${row.target} (answered "protocol unreachable")`
      : row.kind === 'arp_sweep' ? `${count(row.hosts)} addresses (${row.target})` : `${count(row.hosts)} hosts on ${count(row.ports)} port(s)`;
    return {
      severity: severityFor(Number(row.score), 'low'),
      explanation: `${row.src} ran ${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase} ${row.scan_type} scan of ${what} with ${count(row.probes)} probes in ${seconds(Number(row.last_seen) - Number(row.first_seen))}${row.kind === 'protocol' ? '' : `; ${open.length} open port(s) found`}.`,
      evidence: { kind: row.kind, scan_type: row.scan_type, ports: row.ports, hosts: row.hosts, probes: row.probes, peak_in_window: row.peak, open_ports: open, slow: row.slow },
    };
  },
};
