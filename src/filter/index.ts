import type { FilterNode, ProtocolName } from './ast.js';
import { compileNode, type PacketPredicate } from './compile.js';
import { parseFilter } from './parser.js';

export type { FilterNode, ProtocolName } from './ast.js';
export type { PacketPredicate } from './compile.js';
export { FilterSyntaxError } from './filter-syntax-error.js';
export { parseFilter } from './parser.js';

/** Protocol names a `--proto` list may hold. */
export const PROTOCOL_NAMES: readonly ProtocolName[] = ['tcp', 'udp', 'icmp', 'icmp6', 'ip', 'ip6', 'arp'];

/**
 * Compiles a tcpdump-style filter once into a packet predicate, optionally
 * restricted to a list of protocols (`--proto tcp,udp`: any of them). An empty
 * filter matches every packet. Throws FilterSyntaxError.
 * @example
 * const match = compileFilter('dst port 80 and not net 10.0.0.0/8', ['tcp']);
 * if (match(decoded)) writer.write(raw);
 */
export function compileFilter(text: string, protocols: readonly ProtocolName[] = []): PacketPredicate {
  let node: FilterNode | null = text.trim() === '' ? null : parseFilter(text);
  if (protocols.length > 0) {
    const anyOf = protocols.map((name): FilterNode => ({ kind: 'protocol', name })).reduce((left, right) => ({ kind: 'or', left, right }));
    node = node === null ? anyOf : { kind: 'and', left: anyOf, right: node };
  }
  return node === null ? () => true : compileNode(node);
}
