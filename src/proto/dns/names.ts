/**
 * Zeek's names for DNS numbers (base/protocols/dns/consts.zeek), including its
 * fallbacks for unlisted values (`query-N`, `qclass-N`, `rcode-N`, `opcode-N`).
 */

const QUERY_TYPES = new Map<number, string>(Object.entries({
  1: 'A', 2: 'NS', 3: 'MD', 4: 'MF', 5: 'CNAME', 6: 'SOA', 7: 'MB', 8: 'MG', 9: 'MR', 10: 'NULL', 11: 'WKS',
  12: 'PTR', 13: 'HINFO', 14: 'MINFO', 15: 'MX', 16: 'TXT', 17: 'RP', 18: 'AFSDB', 19: 'X25', 20: 'ISDN',
  21: 'RT', 22: 'NSAP', 23: 'NSAP-PTR', 24: 'SIG', 25: 'KEY', 26: 'PX', 27: 'GPOS', 28: 'AAAA', 29: 'LOC',
  30: 'NXT', 31: 'EID', 32: 'NIMLOC', 33: 'SRV', 34: 'ATMA', 35: 'NAPTR', 36: 'KX', 37: 'CERT', 38: 'A6',
  39: 'DNAME', 40: 'SINK', 41: 'OPT', 42: 'APL', 43: 'DS', 44: 'SSHFP', 45: 'IPSECKEY', 46: 'RRSIG',
  47: 'NSEC', 48: 'DNSKEY', 49: 'DHCID', 50: 'NSEC3', 51: 'NSEC3PARAM', 52: 'TLSA', 53: 'SMIMEA', 55: 'HIP',
  56: 'NINFO', 57: 'RKEY', 58: 'TALINK', 59: 'CDS', 60: 'CDNSKEY', 61: 'OPENPGPKEY', 62: 'CSYNC', 63: 'ZONEMD',
  64: 'SVCB', 65: 'HTTPS', 99: 'SPF', 100: 'UINFO', 101: 'UID', 102: 'GID', 103: 'UNSPEC', 249: 'TKEY',
  250: 'TSIG', 251: 'IXFR', 252: 'AXFR', 253: 'MAILB', 254: 'MAILA', 255: '*', 256: 'URI', 257: 'CAA',
  32768: 'TA', 32769: 'DLV',
}).map(([k, v]) => [Number(k), v]));

const CLASSES = new Map<number, string>([[1, 'C_INTERNET'], [2, 'C_CSNET'], [3, 'C_CHAOS'], [4, 'C_HESOD'], [254, 'C_NONE'], [255, 'C_ANY']]);

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

const OPCODES = new Map<number, string>([[0, 'query'], [1, 'inverse-query'], [2, 'status'], [4, 'notify'], [5, 'dynamic-update']]);

/** Zeek's `qtype_name`: `A`, `AAAA`, … or `query-N`. */
export function qtypeName(qtype: number): string {
  return QUERY_TYPES.get(qtype) ?? `query-${qtype}`;
}

/** Zeek's `qclass_name`: `C_INTERNET`, … or `qclass-N`. */
export function qclassName(qclass: number): string {
  return CLASSES.get(qclass) ?? `qclass-${qclass}`;
}

/** Zeek's `rcode_name`: `NOERROR`, `NXDOMAIN`, … or `rcode-N`. */
export function rcodeName(rcode: number): string {
  return RCODES[rcode] ?? `rcode-${rcode}`;
}

/** Zeek's `opcode_name`: `query`, `notify`, … or `opcode-N`. */
export function opcodeName(opcode: number): string {
  return OPCODES.get(opcode) ?? `opcode-${opcode}`;
}
