import type { RawPacket } from '../capture/packet.js';
import type { WeirdCounter } from '../util/weird.js';
import { FragmentReassembler } from './fragments.js';
import { failDecode } from './layer.js';
import { defaultDecodeLimits, type DecodeLimits } from './limits.js';
import { linkDecoders } from './link-types.js';
import { decodeNetwork, type NetworkContext } from './network.js';
import { resetDecodedPacket, type DecodedPacket } from './packet.js';
import { decodeShims } from './shims.js';

/** Options of a PacketDecoder. */
export interface PacketDecoderOptions {
  /** Where each packet's anomaly (and fragment evictions) are counted. */
  weird?: WeirdCounter;
  /** Overrides of the stateful bounds (tunnel depth, fragment reassembly). */
  limits?: Partial<DecodeLimits>;
}

/**
 * Decodes captured frames into a reused DecodedPacket: link layer by link
 * type, then VLAN/MPLS, ARP or IP (with reassembly and tunnels) and the
 * transport layer, all by table lookup. Never throws on packet bytes: a
 * malformed layer sets `out.anomaly`, which is counted in `weird`.
 * @example
 * const decoder = new PacketDecoder({ weird });
 * const out = newDecodedPacket();
 * decoder.decode(raw, out); // out.srcPort, out.tcpFlags, …
 */
export class PacketDecoder {
  private readonly weird?: WeirdCounter;
  private readonly network: NetworkContext;

  constructor(opts: PacketDecoderOptions = {}) {
    const limits: DecodeLimits = { ...defaultDecodeLimits, ...opts.limits };
    this.weird = opts.weird;
    this.network = { fragments: new FragmentReassembler(limits, opts.weird), maxTunnelDepth: limits.maxTunnelDepth };
  }

  /** Decodes `raw` into `out` (reset first). `out.data` is `raw.data` unless fragments were reassembled. */
  decode(raw: RawPacket, out: DecodedPacket): void {
    resetDecodedPacket(out);
    const bytes = raw.data;
    const end = bytes.length;
    out.data = bytes;
    out.linkType = raw.linkType;
    out.capTruncated = raw.caplen < raw.origLen;
    this.network.fragments.now = raw.tsSec + raw.tsNsec / 1e9;
    const link = linkDecoders[raw.linkType];
    let offset = link === undefined ? failDecode(out, 'unknown_link_type') : link(bytes, 0, end, out);
    if (offset >= 0) offset = decodeShims(bytes, offset, end, out);
    if (offset >= 0) decodeNetwork(bytes, offset, end, out, this.network);
    if (out.anomaly !== '') this.weird?.add(out.anomaly);
  }

  /** Datagrams waiting for more fragments (for stats). */
  get pendingFragments(): number {
    return this.network.fragments.pendingCount;
  }
}

export { formatAddress, formatMac, parseAddress } from './address.js';
export { cidrContains, parseCidr, type Cidr } from './cidr.js';
export { newDecodedPacket, resetDecodedPacket, type DecodedPacket } from './packet.js';
export { defaultDecodeLimits, type DecodeLimits } from './limits.js';
