/** Which address or port of a packet a primitive looks at. */
export type Direction = 'src' | 'dst' | 'any';

/** Protocol keywords that stand alone (`tcp`, `arp`…). */
export type ProtocolName = 'tcp' | 'udp' | 'icmp' | 'icmp6' | 'ip' | 'ip6' | 'arp';

/** A parsed filter expression. */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'protocol'; name: ProtocolName }
  | { kind: 'ip-proto'; number: number }
  | { kind: 'host'; dir: Direction; address: string }
  | { kind: 'net'; dir: Direction; cidr: string }
  | { kind: 'port'; dir: Direction; low: number; high: number; transport: 'tcp' | 'udp' | null }
  | { kind: 'vlan'; id: number | null };
