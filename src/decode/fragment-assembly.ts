/** One fragment's payload, copied out of the capture buffer. */
export interface Fragment {
  /** Byte offset of this payload in the datagram's payload. */
  offset: number;
  data: Uint8Array;
}

/** A datagram waiting for its fragments. */
export interface PendingDatagram {
  /** Capture time (seconds) of its first fragment. */
  firstSeen: number;
  /** IP header of the offset-0 fragment (IPv6: up to and including the fragment header). */
  header: Uint8Array | null;
  /** In arrival order. */
  fragments: Fragment[];
  /** Payload length, known once the last fragment came; -1 before. */
  totalLength: number;
}

const IPV6_FIXED_HEADER_BYTES = 40;
/** Keeps only DF in the IPv4 flags/offset field: the rebuilt datagram is no fragment. */
const IPV4_DONT_FRAGMENT = 0x40;
/** The fragment header's offset/flags field sits 2 bytes into it; the header is 8 bytes. */
const IPV6_FRAGMENT_FIELD_FROM_END = 6;

/** True when the fragments cover every byte from 0 to the known total length. */
function isComplete(datagram: PendingDatagram): boolean {
  if (datagram.header === null || datagram.totalLength < 0) return false;
  const ordered = [...datagram.fragments].sort((a, b) => a.offset - b.offset);
  let covered = 0;
  for (const f of ordered) {
    if (covered >= datagram.totalLength) break;
    if (f.offset > covered) return false;
    covered = Math.max(covered, f.offset + f.data.length);
  }
  return covered >= datagram.totalLength;
}

/**
 * Rebuilds the datagram when all its fragments are there: the first
 * fragment's header, its length field patched and its fragment fields
 * cleared (IPv6 keeps an atomic fragment header, RFC 6946), then the payload.
 * Earlier bytes win where fragments overlap. Returns null while incomplete.
 */
export function assembleDatagram(datagram: PendingDatagram, ipVersion: number): Uint8Array | null {
  if (!isComplete(datagram) || datagram.header === null) return null;
  const header = datagram.header;
  const whole = new Uint8Array(header.length + datagram.totalLength);
  whole.set(header);
  for (let i = datagram.fragments.length - 1; i >= 0; i--) {
    const f = datagram.fragments[i];
    if (f.offset < datagram.totalLength) whole.set(f.data.subarray(0, datagram.totalLength - f.offset), header.length + f.offset);
  }
  const lengthField = ipVersion === 4 ? whole.length : whole.length - IPV6_FIXED_HEADER_BYTES;
  whole[ipVersion === 4 ? 2 : 4] = lengthField >> 8;
  whole[ipVersion === 4 ? 3 : 5] = lengthField & 0xff;
  if (ipVersion === 4) {
    whole[6] &= IPV4_DONT_FRAGMENT;
    whole[7] = 0;
  } else {
    whole[header.length - IPV6_FRAGMENT_FIELD_FROM_END] = 0;
    whole[header.length - IPV6_FRAGMENT_FIELD_FROM_END + 1] = 0;
  }
  return whole;
}
