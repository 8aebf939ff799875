/** EtherType of IPv4. */
export const ETHERTYPE_IPV4 = 0x0800;
/** EtherType of IPv6. */
export const ETHERTYPE_IPV6 = 0x86dd;
/** EtherType of ARP. */
export const ETHERTYPE_ARP = 0x0806;
/** EtherType of reverse ARP (RFC 903), same message layout as ARP. */
export const ETHERTYPE_RARP = 0x8035;
