/**
 * Ground truth of the corpus captures with known content (from corpus/MANIFEST.md) and of the
 * bundled sample (src/synth/intrusion-scenario.ts): which detector must fire, with which
 * attacker (alert source) and victim (among the alert destinations); null = not checked.
 * Benign captures list no expectation: they must raise nothing above "low".
 */
export interface EvalCase {
  capture: string;
  expect: Array<{ detector: string; attacker: string | null; victim: string | null }>;
}

const SCAN = { detector: 'port_scan', attacker: '192.168.1.10', victim: '192.168.1.25' };
const T = '240.125.0.2';

/** Every evaluated capture, paths relative to the corpus (or to the project for samples/). */
export const EVAL_CASES: EvalCase[] = [
  { capture: 'pcaps/scan/chrissanders_synscan.pcapng', expect: [{ detector: 'port_scan', attacker: '172.16.0.8', victim: '64.13.134.52' }] },
  ...['ACK_SCAN', 'FIN_SCAN', 'NULL_SCAN', 'XMAS_TREE_SCAN', 'TCP_CONNECT_SCAN', 'TCP_SYN_SCAN', 'UDP_SCAN', 'VERSION_SCAN', 'IP_PROTOCOL_SCAN']
    .map((name) => ({ capture: `pcaps/scan/evilfingers_nmap_${name}.pcap`, expect: [SCAN] })),
  { capture: 'pcaps/scan/zeek_nmap-vsn.pcap', expect: [{ detector: 'port_scan', attacker: '192.168.1.71', victim: null }] },
  { capture: 'pcaps/dos/stopddos_pkt.TCP.synflood.spoofed.pcap', expect: [{ detector: 'flood', attacker: null, victim: '10.10.10.10' }] },
  { capture: 'pcaps/dos/stopddos_amp.TCP.reflection.SYNACK.pcap', expect: [{ detector: 'flood', attacker: null, victim: '10.10.10.10' }] },
  { capture: 'pcaps/dos/stopddos_amp.dns.RRSIG.fragmented.pcap', expect: [{ detector: 'flood', attacker: null, victim: '10.10.10.10' }] },
  { capture: 'pcaps/ssh-bruteforce/traceshare_hydra-1_tasks.pcap', expect: [{ detector: 'brute_force', attacker: '240.0.1.2', victim: T }] },
  { capture: 'pcaps/ssh-bruteforce/traceshare_hydra-4_tasks.pcap', expect: [{ detector: 'brute_force', attacker: '240.0.1.3', victim: T }] },
  { capture: 'pcaps/ssh-bruteforce/traceshare_medusa-1_tasks.pcap', expect: [{ detector: 'brute_force', attacker: '240.0.2.2', victim: T }] },
  { capture: 'pcaps/ssh-bruteforce/traceshare_ncrack-sneaky.pcap', expect: [{ detector: 'brute_force', attacker: '240.0.3.3', victim: T }] },
  { capture: 'pcaps/ssh-bruteforce/zeek_sshguess.pcap', expect: [{ detector: 'brute_force', attacker: '192.168.56.1', victim: '192.168.56.103' }] },
  { capture: 'pcaps/misc/zeek_ftp_bruteforce.pcap', expect: [{ detector: 'login_failures', attacker: '192.168.56.1', victim: '192.168.56.101' }] },
  { capture: 'pcaps/c2/chrissanders_ratinfected.pcapng', expect: [{ detector: 'beacon', attacker: '172.16.0.114', victim: '172.16.0.111' }] },
  { capture: 'pcaps/c2/elcabezzonn_Empire_http_c2.pcap', expect: [{ detector: 'beacon', attacker: '192.168.1.46', victim: '192.168.1.161' }] },
  { capture: 'pcaps/c2/chrissanders_cryptowall4_c2.pcapng', expect: [{ detector: 'c2_checkin', attacker: '192.168.122.145', victim: '184.170.149.44' }] },
  { capture: 'pcaps/c2/zeek_merlinc2_quic.pcapng', expect: [{ detector: 'beacon', attacker: '10.0.0.4', victim: '24.199.110.233' }] },
  { capture: 'pcaps/dns-tunnel/dmachard_dns2tcp.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.1.17', victim: 'hsc.fr' }] },
  { capture: 'pcaps/dns-tunnel/dmachard_dnscat2.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.1.17', victim: 'biillpi.com' }] },
  { capture: 'pcaps/dns-tunnel/dmachard_dnsextrator.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.1.102', victim: 'hsc.fr' }] },
  { capture: 'pcaps/dns-tunnel/dmachard_iodine.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.1.17', victim: 'biillpi.com' }] },
  { capture: 'pcaps/dns-tunnel/dmachard_sods.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.1.17', victim: 'hsc.fr' }] },
  { capture: 'pcaps/dns-tunnel/elastic_dns-tunnel-iodine.pcap', expect: [{ detector: 'dns_tunnel', attacker: '10.0.2.30', victim: 'pirate.sea' }] },
  { capture: 'pcaps/dns-tunnel/elisaUD_dnscat2.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.14.103', victim: null }] },
  { capture: 'pcaps/dns-tunnel/elisaUD_dnscat2_un.pcap', expect: [{ detector: 'dns_tunnel', attacker: '192.168.14.103', victim: null }] },
  ...['directorytraversal', 'sqlinjection', 'sqlinjection_passwords']
    .map((name) => ({ capture: `pcaps/http-attack/chrissanders_http_dvwa_${name}.pcapng`, expect: [{ detector: 'web_attack', attacker: '10.2.2.101', victim: '10.2.2.104' }] })),
  { capture: 'pcaps/exploit/honeynet_fc2010_attack-trace.pcap', expect: [{ detector: 'unusual_connection', attacker: '192.150.11.111', victim: '98.114.205.102' }] },
  { capture: 'pcaps/misc/chrissanders_arppoison.pcapng', expect: [{ detector: 'arp_spoof', attacker: '00:25:b3:bf:91:ee', victim: '172.16.0.1' }] },
  { capture: 'pcaps/misc/zeek_wikipedia_http.pcap', expect: [] },
  { capture: 'pcaps/misc/zeus-project_zeus.pcapng', expect: [] },
  {
    capture: 'samples/intrusion.pcap.gz',
    expect: [
      { detector: 'port_scan', attacker: '203.0.113.66', victim: '10.10.0.10' },
      { detector: 'brute_force', attacker: '203.0.113.66', victim: '10.10.0.10' },
      { detector: 'beacon', attacker: '10.10.0.10', victim: '198.51.100.23' },
      { detector: 'port_scan', attacker: '10.10.0.10', victim: null },
      { detector: 'exfiltration', attacker: '10.10.0.10', victim: '198.51.100.23' },
    ],
  },
];
