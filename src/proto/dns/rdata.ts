import { formatIpv6 } from '../../host/hex-address.js';
import { MAX_TXT_STRINGS } from './limits.js';
import { byteText, readName, type NameRead } from './name.js';

/** RR types whose data this module renders (RFC 1035, 3596, 2782, 7208). */
export const TYPE_A = 1, TYPE_NS = 2, TYPE_CNAME = 5, TYPE_SOA = 6, TYPE_PTR = 12, TYPE_MX = 15, TYPE_TXT = 16,
  TYPE_AAAA = 28, TYPE_SRV = 33, TYPE_OPT = 41, TYPE_SPF = 99;

/**
 * Zeek's dns.log rendering of one answer's data: addresses as text, the
 * target name for CNAME/NS/PTR/MX/SRV, the primary server (mname) for SOA,
 * `TXT <len> <text>` per character-string for TXT (SPF likewise), and
 * `<unknown type=N>` for anything else. Returns null when the data is
 * malformed, with the anomaly code in `scratch.error`.
 */
export function renderRdata(b: Uint8Array, type: number, start: number, len: number, scratch: NameRead): string | null {
  const end = start + len;
  switch (type) {
    case TYPE_A:
      return len === 4 ? `${b[start]}.${b[start + 1]}.${b[start + 2]}.${b[start + 3]}` : bad(scratch, 'dns_bad_a_length');
    case TYPE_AAAA:
      return len === 16 ? formatIpv6(b.subarray(start, end)) : bad(scratch, 'dns_bad_aaaa_length');
    case TYPE_NS: case TYPE_CNAME: case TYPE_PTR: case TYPE_SOA:
      return nameAt(b, start, end, scratch);
    case TYPE_MX:
      return nameAt(b, start + 2, end, scratch);
    case TYPE_SRV:
      return nameAt(b, start + 6, end, scratch);
    case TYPE_TXT:
      return characterStrings(b, start, end, 'TXT', scratch);
    case TYPE_SPF:
      return characterStrings(b, start, end, 'SPF', scratch);
    default:
      return `<unknown type=${type}>`;
  }
}

function bad(scratch: NameRead, code: string): null {
  scratch.error = code;
  return null;
}

/** A name that must lie inside the record data (its pointers may point anywhere earlier in the message). */
function nameAt(b: Uint8Array, at: number, end: number, scratch: NameRead): string | null {
  if (at >= end) return bad(scratch, 'dns_truncated_rdata');
  if (!readName(b, at, scratch)) return null;
  return scratch.end <= end ? scratch.name : bad(scratch, 'dns_rdata_overrun');
}

/** `TXT 5 hello TXT 3 abc`: Zeek's rendering of a list of character-strings (RFC 1035 §3.3.14). */
function characterStrings(b: Uint8Array, start: number, end: number, label: string, scratch: NameRead): string | null {
  let text = '';
  let pos = start;
  for (let n = 0; pos < end && n < MAX_TXT_STRINGS; n++) {
    const len = b[pos];
    if (pos + 1 + len > end) return bad(scratch, 'dns_truncated_rdata');
    if (n > 0) text += ' ';
    text += `${label} ${len} `;
    for (let i = pos + 1; i <= pos + len; i++) text += byteText(b[i], false);
    pos += 1 + len;
  }
  return text;
}
