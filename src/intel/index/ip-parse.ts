/** Longest IPv6 text we accept (`ffff:…` with an embedded IPv4 tail and a zone is shorter). */
const MAX_IPV6_TEXT = 45;
/** Hex digits in one IPv6 group. */
const MAX_GROUP_DIGITS = 4;

/**
 * Parses dotted-quad IPv4 text in `text[start, end)` to an unsigned 32-bit
 * number; returns -1 when it is not a valid address. Allocates nothing.
 * @example parseIpv4('10.0.0.1', 0, 8) === 0x0a000001
 */
export function parseIpv4(text: string, start: number, end: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return (value * 256 + octet) >>> 0;
}

/**
 * Parses IPv6 text in `text[start, end)` into four 32-bit words written to
 * `out[0..3]` (most significant first); returns false when invalid.
 * Accepts `::` compression and an embedded IPv4 tail. Allocates nothing.
 */
export function parseIpv6(text: string, start: number, end: number, out: Uint32Array): boolean {
  if (end - start < 2 || end - start > MAX_IPV6_TEXT) return false;
  const groups = scratchGroups;
  let count = 0;
  let gap = -1;
  let i = start;
  if (text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return false;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    if (count >= 8) return false;
    let j = i;
    let group = 0;
    while (j < end && j - i <= MAX_GROUP_DIGITS) {
      const h = hexValue(text.charCodeAt(j));
      if (h < 0) break;
      group = group * 16 + h;
      j++;
    }
    if (j < end && text.charCodeAt(j) === 46) {
      const v4 = parseIpv4(text, i, end);
      if (v4 < 0 || count > 6) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (j === i || j - i > MAX_GROUP_DIGITS) return false;
    groups[count++] = group;
    if (j === end) { i = j; break; }
    if (text.charCodeAt(j) !== 58) return false;
    if (text.charCodeAt(j + 1) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i = j + 2;
    } else {
      if (j + 1 === end) return false;
      i = j + 1;
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return false;
  const zeros = 8 - count;
  for (let w = 0; w < 4; w++) out[w] = 0;
  for (let g = 0; g < count; g++) {
    const position = gap >= 0 && g >= gap ? g + zeros : g;
    out[position >> 1] |= (position & 1) ? groups[g] : groups[g] << 16;
  }
  for (let w = 0; w < 4; w++) out[w] >>>= 0;
  return true;
}

const scratchGroups = new Uint32Array(8);

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Dotted-quad text of an unsigned 32-bit IPv4 address. */
export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Canonical (RFC 5952) text of an IPv6 address held in four 32-bit words. */
export function formatIpv6(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let w = 0; w < 4; w++) groups.push(words[w] >>> 16, words[w] & 0xffff);
  let bestStart = -1;
  let bestLength = 1;
  for (let g = 0; g < 8;) {
    if (groups[g] !== 0) { g++; continue; }
    let e = g;
    while (e < 8 && groups[e] === 0) e++;
    if (e - g > bestLength) { bestStart = g; bestLength = e - g; }
    g = e;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
