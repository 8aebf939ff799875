import { parseAddress } from '../decode/address.js';
import { parseCidr } from '../decode/cidr.js';
import type { Direction, FilterNode, ProtocolName } from './ast.js';
import { FilterSyntaxError } from './filter-syntax-error.js';
import { tokenize, type Token } from './lexer.js';

const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'icmp', 'icmp6', 'ip', 'ip6', 'arp'];
/** IP protocol numbers by name, for `proto NAME` (tcpdump also accepts `proto \tcp`). */
const IP_PROTOCOLS: Record<string, number> = { icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmp6: 58, sctp: 132 };
/** Nesting depth of parentheses and `not` accepted (bounds recursion on hostile input). */
const MAX_DEPTH = 100;
const PRIMITIVES = 'host, net, port, portrange, proto, vlan, tcp, udp, icmp, icmp6, ip, ip6, arp';

function isNumber(text: string, max: number): boolean {
  return /^\d{1,10}$/.test(text) && Number(text) <= max;
}

/** Prefix length of a contiguous IPv4 netmask (`255.255.0.0` → 16), or -1. */
function maskLength(text: string): number {
  const words = text.includes(':') ? null : parseAddress(text);
  if (words === null) return -1;
  const mask = words[3];
  const length = Math.clz32(~mask);
  return length === 32 || ((mask << length) >>> 0) === 0 ? length : -1;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') this.fail(rest, `expected 'and', 'or' or the end of the filter, found '${rest.text}'`);
    return node;
  }

  private peek(): Token { return this.tokens[this.pos]; }
  private next(): Token { return this.tokens[this.pos++]; }

  private fail(at: Token, reason: string): never {
    throw new FilterSyntaxError(at.column, reason);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peek().kind === 'or') { this.next(); left = { kind: 'or', left, right: this.and() }; }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.peek().kind === 'and') { this.next(); left = { kind: 'and', left, right: this.unary() }; }
    return left;
  }

  private unary(): FilterNode {
    const t = this.peek();
    if (++this.depth > MAX_DEPTH) this.fail(t, `nesting deeper than ${MAX_DEPTH}`);
    let node: FilterNode;
    if (t.kind === 'not') { this.next(); node = { kind: 'not', operand: this.unary() }; }
    else if (t.kind === '(') {
      this.next();
      node = this.or();
      const close = this.next();
      if (close.kind !== ')') this.fail(close, `expected ')' to close the '(' at column ${t.column}`);
    } else node = this.primitive();
    this.depth--;
    return node;
  }

  private word(after: Token, what: string): Token {
    const t = this.next();
    if (t.kind !== 'word') this.fail(t, `expected ${what} after '${after.text}'`);
    return t;
  }

  private primitive(): FilterNode {
    const t = this.next();
    if (t.kind !== 'word') this.fail(t, t.kind === 'end' ? `unexpected end of filter; expected one of ${PRIMITIVES}` : `unexpected '${t.text}'; expected one of ${PRIMITIVES}`);
    if (t.text === 'src' || t.text === 'dst') return this.qualified(t.text, null, this.word(t, 'host, net, port or portrange'));
    if ((t.text === 'tcp' || t.text === 'udp') && /^(src|dst|port|portrange)$/.test(this.peek().text) && this.peek().kind === 'word') {
      const q = this.next();
      return q.text === 'src' || q.text === 'dst' ? this.qualified(q.text, t.text, this.word(q, 'port or portrange')) : this.qualified('any', t.text, q);
    }
    if ((t.text === 'ip' || t.text === 'ip6') && this.peek().text === 'proto') {
      const proto = this.next();
      return { kind: 'and', left: { kind: 'protocol', name: t.text }, right: this.ipProto(proto) };
    }
    if (PROTOCOLS.includes(t.text)) return { kind: 'protocol', name: t.text as ProtocolName };
    if (t.text === 'proto') return this.ipProto(t);
    if (t.text === 'vlan') {
      const id = this.peek();
      if (id.kind === 'word' && /^\d+$/.test(id.text)) {
        this.next();
        if (!isNumber(id.text, 4095)) this.fail(id, `expected a VLAN id from 0 to 4095 after 'vlan'`);
        return { kind: 'vlan', id: Number(id.text) };
      }
      return { kind: 'vlan', id: null };
    }
    return this.qualified('any', null, t);
  }

  private ipProto(keyword: Token): FilterNode {
    const t = this.word(keyword, 'a protocol number or name');
    const name = t.text.replace(/^\\/, '');
    if (isNumber(name, 255)) return { kind: 'ip-proto', number: Number(name) };
    const number = IP_PROTOCOLS[name];
    if (number === undefined) this.fail(t, `expected a protocol number (0-255) or one of ${Object.keys(IP_PROTOCOLS).join(', ')} after '${keyword.text}'`);
    return { kind: 'ip-proto', number };
  }

  private qualified(dir: Direction, transport: 'tcp' | 'udp' | null, t: Token): FilterNode {
    switch (t.text) {
      case 'host': {
        const a = this.word(t, 'an address');
        if (parseAddress(a.text) === null) this.fail(a, `expected an IPv4 or IPv6 address after 'host', found '${a.text}'`);
        return { kind: 'host', dir, address: a.text };
      }
      case 'net': return { kind: 'net', dir, cidr: this.network(t) };
      case 'port': {
        const p = this.word(t, 'a port number');
        if (!isNumber(p.text, 65535)) this.fail(p, `expected a port number (0-65535) after 'port', found '${p.text}'`);
        return { kind: 'port', dir, low: Number(p.text), high: Number(p.text), transport };
      }
      case 'portrange': {
        const r = this.word(t, 'a port range');
        const m = /^(\d{1,5})-(\d{1,5})$/.exec(r.text);
        if (!m || Number(m[1]) > 65535 || Number(m[2]) > 65535) this.fail(r, `expected a port range such as 1-1024 after 'portrange', found '${r.text}'`);
        const [low, high] = [Number(m[1]), Number(m[2])].sort((a, b) => a - b);
        return { kind: 'port', dir, low, high, transport };
      }
      default:
        return this.fail(t, `unexpected '${t.text}'; expected one of ${dir === 'any' ? PRIMITIVES : 'host, net, port, portrange'}`);
    }
  }

  private network(keyword: Token): string {
    const n = this.word(keyword, 'a network');
    let text = n.text;
    if (this.peek().text === 'mask' && this.peek().kind === 'word') {
      const maskKeyword = this.next();
      const m = this.word(maskKeyword, 'a netmask');
      const length = maskLength(m.text);
      if (length < 0 || text.includes('/') || text.includes(':')) this.fail(m, `expected a contiguous IPv4 netmask such as 255.255.0.0 after 'mask', found '${m.text}'`);
      text = `${text}/${length}`;
    }
    const cidr = parseCidr(text);
    if (cidr === null) this.fail(n, `expected a network such as 10.0.0.0/8 after 'net', found '${n.text}'`);
    const address = parseAddress(text.split('/')[0]);
    if (address !== null && address.some((w, i) => w !== cidr.words[i])) this.fail(n, `network '${text}' has host bits set (tcpdump refuses it too)`);
    return text;
  }
}

/**
 * Parses a tcpdump-style filter (`tcp and dst port 80 and not net 10.0.0.0/8`).
 * Throws FilterSyntaxError naming the column and what was expected.
 */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}
