import { MAX_LABEL_LEN, MAX_LABELS, MAX_NAME_LEN, MAX_POINTER_HOPS } from './limits.js';

/** Where a name read ended and what it said; reused between reads. */
export interface NameRead {
  /** Lower-cased presentation form (`www.example.com`, `` for the root), bytes outside printable ASCII as `\xNN`. */
  name: string;
  /** Offset just after the name in the original position (after the first pointer, if any). */
  end: number;
  /** '' on success, else a named anomaly code. */
  error: string;
}

/** A fresh result holder for {@link readName}. */
export function newNameRead(): NameRead {
  return { name: '', end: 0, error: '' };
}

/**
 * Reads a possibly compressed domain name at `offset` of message `b` (RFC 1035 §4.1.4).
 * Never throws: a pointer that does not point strictly backwards, too many hops,
 * a name past {@link MAX_NAME_LEN}, reserved label types or truncation set
 * `out.error` and return false. Zeek lower-cases names in dns.log; so do we.
 */
export function readName(b: Uint8Array, offset: number, out: NameRead): boolean {
  out.name = '';
  out.end = -1;
  out.error = '';
  let pos = offset;
  let hops = 0;
  let wireLen = 1;
  for (let labels = 0; labels <= MAX_LABELS; labels++) {
    if (pos >= b.length) return fail(out, 'dns_truncated_name');
    const len = b[pos];
    if (len === 0) {
      if (out.end < 0) out.end = pos + 1;
      return true;
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= b.length) return fail(out, 'dns_truncated_name');
      const target = ((len & 0x3f) << 8) | b[pos + 1];
      if (out.end < 0) out.end = pos + 2;
      if (target >= pos || ++hops > MAX_POINTER_HOPS) return fail(out, 'dns_pointer_loop');
      pos = target;
      continue;
    }
    if (len > MAX_LABEL_LEN) return fail(out, 'dns_bad_label_type');
    if (pos + 1 + len > b.length) return fail(out, 'dns_truncated_name');
    wireLen += 1 + len;
    if (wireLen > MAX_NAME_LEN) return fail(out, 'dns_name_too_long');
    if (out.name.length > 0) out.name += '.';
    out.name += labelText(b, pos + 1, pos + 1 + len);
    pos += 1 + len;
  }
  return fail(out, 'dns_name_too_long');
}

function fail(out: NameRead, code: string): false {
  out.error = code;
  return false;
}

/** One label's characters: ASCII lower-cased, non-printable bytes as `\xNN` (they are attacker-controlled). */
function labelText(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += byteText(b[i], true);
  return s;
}

/** Text of one byte for a log: printable ASCII as itself (optionally lower-cased), the rest as `\xNN`. */
export function byteText(c: number, lowerCase: boolean): string {
  if (c < 0x20 || c > 0x7e || c === 0x5c) return '\\x' + (c < 16 ? '0' : '') + c.toString(16);
  if (lowerCase && c >= 0x41 && c <= 0x5a) c += 0x20;
  return String.fromCharCode(c);
}
