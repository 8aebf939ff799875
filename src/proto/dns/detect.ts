import { readU16 } from '../../decode/bytes.js';
import { HEADER_LEN, MAX_QUESTIONS, MAX_RECORDS_PER_SECTION } from './limits.js';
import { newNameRead, readName } from './name.js';

const scratch = newNameRead();
/** Opcodes in use (query, inverse query, status, notify, update); others mean "not DNS". */
const KNOWN_OPCODES = 0b110111;
/** Classes in use (IN, CHAOS, HESIOD, NONE, ANY), after removing mDNS's unicast-response bit. */
const KNOWN_CLASSES = new Set([1, 3, 4, 254, 255]);

/** Names that fail yet show DNS structure: tunnels (dnscat2) send well-formed labels past 255 octets. */
const NAME_VERDICT: Record<string, 'yes' | 'more'> = { dns_truncated_name: 'more', dns_name_too_long: 'yes' };

/**
 * 'yes' when `b` starts with a plausible DNS message: a known opcode, 1 to
 * MAX_QUESTIONS questions, sane record counts, and a first question whose
 * name parses and whose class is a known one; 'more' when `b` ends before the
 * first question does; else 'no'.
 */
export function detectDns(b: Uint8Array): 'yes' | 'no' | 'more' {
  if (b.length < HEADER_LEN) return 'more';
  const opcode = (b[2] >> 3) & 0xf;
  const qdcount = readU16(b, 4);
  if ((KNOWN_OPCODES & (1 << opcode)) === 0 || qdcount === 0 || qdcount > MAX_QUESTIONS) return 'no';
  for (let at = 6; at < HEADER_LEN; at += 2) if (readU16(b, at) > MAX_RECORDS_PER_SECTION) return 'no';
  if (!readName(b, HEADER_LEN, scratch)) return NAME_VERDICT[scratch.error] ?? 'no';
  const end = scratch.end;
  if (end + 4 > b.length) return 'more';
  return KNOWN_CLASSES.has(readU16(b, end + 2) & 0x7fff) ? 'yes' : 'no';
}
