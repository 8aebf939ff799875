/** IPv4-mapped IPv6 prefix word (::ffff:a.b.c.d), how Tracer stores IPv4 addresses. */
const MAPPED_PREFIX = 0xffff;
/** An IPv6 address is eight 16-bit groups. */
const IPV6_GROUPS = 8;
/** Longest text accepted as an address ("ffff:…:255.255.255.255" is 45 characters). */
const MAX_ADDRESS_TEXT = 45;

/** Dotted quad of a 32-bit value. */
function dotted(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}`;
}

/** The longest run of at least two zero groups (first one on ties), as [start, length]. */
function longestZeroRun(groups: number[]): [number, number] {
  let bestStart = -1, bestLength = 1;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  return [bestStart, bestLength];
}

/**
 * Formats address words as text: IPv4 dotted (from the mapped form), IPv6 per
 * RFC 5952 (lower case, longest zero run as `::`), as tshark and Zeek print.
 * @example formatAddress(out.src, 6) // '2001:db8::1'
 */
export function formatAddress(words: Uint32Array, version: number): string {
  if (version === 4) return dotted(words[3]);
  if (words[0] === 0 && words[1] === 0 && words[2] === MAPPED_PREFIX) return `::ffff:${dotted(words[3])}`;
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) groups.push(words[i] >>> 16, words[i] & 0xffff);
  const [start, length] = longestZeroRun(groups);
  const hex = (g: number[]): string => g.map((n) => n.toString(16)).join(':');
  if (start < 0) return hex(groups);
  return `${hex(groups.slice(0, start))}::${hex(groups.slice(start + length))}`;
}

/**
 * Formats a 48-bit MAC (as DecodedPacket holds it) as `aa:bb:cc:dd:ee:ff`.
 * @example formatMac(0x001122334455) // '00:11:22:33:44:55'
 */
export function formatMac(n: number): string {
  return n.toString(16).padStart(12, '0').replace(/(..)(?!$)/g, '$1:');
}

/** Parses a dotted quad into a 32-bit value, or -1. */
function parseIpv4(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) return -1;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return -1;
    v = v * 256 + Number(p);
  }
  return v;
}

/** Parses one side of an IPv6 `::` into 16-bit groups (a trailing dotted quad gives two), or null. */
function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (v4 < 0) return null;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) groups.push(parseInt(p, 16));
    else return null;
  }
  return groups;
}

/** Parses IPv6 text (with `::` and an optional dotted-quad tail) into eight groups, or null. */
function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (head === null || tail === null) return null;
  const missing = IPV6_GROUPS - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/**
 * Parses an IPv4 or IPv6 address into the four words DecodedPacket uses
 * (IPv4 as ::ffff:a.b.c.d), or null when the text is no address.
 * @example parseAddress('10.0.0.1') // Uint32Array [0, 0, 0xffff, 0x0a000001]
 */
export function parseAddress(text: string): Uint32Array | null {
  if (text.length > MAX_ADDRESS_TEXT) return null;
  const words = new Uint32Array(4);
  if (!text.includes(':')) {
    const v4 = parseIpv4(text);
    if (v4 < 0) return null;
    words[2] = MAPPED_PREFIX;
    words[3] = v4;
    return words;
  }
  const groups = parseIpv6(text);
  if (groups === null) return null;
  for (let i = 0; i < 4; i++) words[i] = ((groups[2 * i] << 16) | groups[2 * i + 1]) >>> 0;
  return words;
}
