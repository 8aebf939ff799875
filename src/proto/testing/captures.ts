/** Test support: every corpus capture with DNS over UDP (golden tests against tshark). */
export const DNS_CAPTURES = [
  'pcaps/dns/zeek_dns-txt-multiple.pcap',
  'pcaps/malformed/zeek_dns-corrupt.pcap',
  'pcaps/ipv6/zeek_ipv6-fragmented-dns.pcap',
  'pcaps/dns-tunnel/dmachard_dns2tcp.pcap',
  'pcaps/dns-tunnel/dmachard_dnscat2.pcap',
  'pcaps/dns-tunnel/dmachard_dnsextrator.pcap',
  'pcaps/dns-tunnel/dmachard_iodine.pcap',
  'pcaps/dns-tunnel/dmachard_sods.pcap',
  'pcaps/dns-tunnel/elastic_dns-tunnel-iodine.pcap',
  'pcaps/dns-tunnel/elisaUD_dnscat2.pcap',
  'pcaps/dns-tunnel/elisaUD_dnscat2_un.pcap',
];

/** Test support: every corpus capture with TLS over TCP (merlinc2's TLS is inside QUIC, another analyzer). */
export const TLS_CAPTURES = [
  'pcaps/tls/zeek_chrome-34-google.pcap',
  'pcaps/tls/zeek_heartbleed-success.pcap',
  'pcaps/tls/zeek_tls-expired-cert.pcap',
  'pcaps/tls/zeek_tls1.2.pcap',
  'pcaps/tls/zeek_tls13-ech.pcap',
  'pcaps/tls/zeek_tls13_wolfssl.pcap',
  'pcaps/c2/elcabezzonn_Empire_http_c2.pcap',
  'pcaps/dos/stopddos_amp.dns.RRSIG.fragmented.pcap',
];
