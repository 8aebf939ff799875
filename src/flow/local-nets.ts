import { cidrContains, parseCidr, type Cidr } from '../decode/cidr.js';
import { MAX_LOCAL_NETS } from './limits.js';

/** Local networks when none are configured: private, CGNAT, loopback, link-local, unique-local. */
export const DEFAULT_LOCAL_NETS: readonly string[] = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16',
  'fc00::/7', 'fe80::/10', '::1/128',
];

/** A set of CIDR networks (Zeek's Site::local_nets), checked once per connection. */
export class LocalNets {
  private readonly nets: Cidr[];

  /** @throws RangeError naming the entry that is not a network */
  constructor(cidrs: readonly string[] = DEFAULT_LOCAL_NETS) {
    if (cidrs.length > MAX_LOCAL_NETS) throw new RangeError(`Cannot use ${cidrs.length} local networks: at most ${MAX_LOCAL_NETS}`);
    this.nets = cidrs.map((text) => {
      const cidr = parseCidr(text.trim());
      if (!cidr) throw new RangeError(`Cannot parse local network "${text}": expected address/prefix-length`);
      return cidr;
    });
  }

  /**
   * True when `address` (four words, IPv4 as IPv4-mapped) lies in one of the networks.
   * @example new LocalNets().contains(pkt.src)
   */
  contains(address: Uint32Array): boolean {
    for (const net of this.nets) {
      if (cidrContains(net, address)) return true;
    }
    return false;
  }
}
