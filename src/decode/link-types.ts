import { decodeEthernet } from './ethernet.js';
import type { LayerDecoder } from './layer.js';
import { decodeNflog } from './nflog.js';
import { decodeNull } from './null.js';
import { decodeRawIp, decodeRawIpv4, decodeRawIpv6 } from './raw.js';
import { decodeSll, decodeSll2 } from './sll.js';

/** LINKTYPE_* values (tcpdump.org/linktypes.html) with a decoder. */
export const LINKTYPE = {
  NULL: 0, ETHERNET: 1, RAW_DLT12: 12, RAW_DLT14: 14, RAW: 101, LOOP: 108,
  LINUX_SLL: 113, NFLOG: 239, IPV4: 228, IPV6: 229, LINUX_SLL2: 276,
} as const;

/** Link decoder per LINKTYPE value, looked up by index once per packet. */
export const linkDecoders: (LayerDecoder | undefined)[] = [];
linkDecoders[LINKTYPE.NULL] = decodeNull;
linkDecoders[LINKTYPE.LOOP] = decodeNull;
linkDecoders[LINKTYPE.ETHERNET] = decodeEthernet;
linkDecoders[LINKTYPE.RAW_DLT12] = decodeRawIp;
linkDecoders[LINKTYPE.RAW_DLT14] = decodeRawIp;
linkDecoders[LINKTYPE.RAW] = decodeRawIp;
linkDecoders[LINKTYPE.LINUX_SLL] = decodeSll;
linkDecoders[LINKTYPE.LINUX_SLL2] = decodeSll2;
linkDecoders[LINKTYPE.NFLOG] = decodeNflog;
linkDecoders[LINKTYPE.IPV4] = decodeRawIpv4;
linkDecoders[LINKTYPE.IPV6] = decodeRawIpv6;
