/**
 * Every bound the decoders put on a loop over packet bytes or on state kept
 * between packets, each with its reason. `DecodeLimits` lets a caller tighten
 * or relax the stateful ones; the per-packet ones are fixed by the protocols.
 */

/** VLAN tags and MPLS stacks in one frame: QinQ is 2 tags; 8 leaves room for odd carrier stacks. */
export const MAX_SHIM_HEADERS = 8;

/** MPLS labels popped from one stack: real networks use 2 to 5; 16 is far above any deployment. */
export const MAX_MPLS_LABELS = 16;

/** IPv6 extension headers walked: RFC 8200 allows each type once (about 8 kinds in all). */
export const MAX_IPV6_EXTENSION_HEADERS = 8;

/** TCP option bytes: the data offset field caps the header at 60 bytes, 40 of them options. */
export const MAX_TCP_OPTION_BYTES = 40;

/** Largest rebuilt IPv4 datagram: the total length field is 16-bit. */
export const MAX_IPV4_DATAGRAM_BYTES = 65_535;
/** Largest rebuilt IPv6 datagram: 16-bit payload length after the 40-byte header (no jumbograms). */
export const MAX_IPV6_DATAGRAM_BYTES = 65_535 + 40;

/** The bounds of state kept between packets (fragment reassembly and tunnels). */
export interface DecodeLimits {
  /** IP-in-IP / 6in4 encapsulations followed; Zeek's Tunnel::max_depth is 2, we allow one more. */
  maxTunnelDepth: number;
  /** Seconds an incomplete datagram waits for its fragments: RFC 8200's 60 s reassembly timeout. */
  fragmentTimeoutSeconds: number;
  /** Datagrams under reassembly at once: bounds memory against fragment floods. */
  maxFragmentDatagrams: number;
  /** Fragment payload bytes held at once, all datagrams together (16 MiB). */
  maxFragmentBytes: number;
  /** Fragments accepted for one datagram: keeps overlap checks linear-bounded (8-byte floods). */
  maxFragmentsPerDatagram: number;
}

/** The defaults, chosen as documented on each field. */
export const defaultDecodeLimits: Readonly<DecodeLimits> = {
  maxTunnelDepth: 3,
  fragmentTimeoutSeconds: 60,
  maxFragmentDatagrams: 1024,
  maxFragmentBytes: 16 * 1024 * 1024,
  maxFragmentsPerDatagram: 128,
};
