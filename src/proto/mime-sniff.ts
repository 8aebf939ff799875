/** MIME type of a body from its first bytes (magic numbers), as Zeek's file analysis names them. */

/** Bytes of a body's start examined by {@link sniffMime}. */
export const MIME_SNIFF_BYTES = 512;

const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
  ['application/x-gzip', [0x1f, 0x8b]],
  ['application/x-dosexec', [0x4d, 0x5a]],
  ['application/x-executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['application/vnd.ms-cab-compressed', [0x4d, 0x53, 0x43, 0x46]],
  ['application/x-shockwave-flash', [0x43, 0x57, 0x53]],
  ['application/x-shockwave-flash', [0x46, 0x57, 0x53]],
  ['image/x-icon', [0x00, 0x00, 0x01, 0x00]],
];

const TEXT_MARKERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['text/html', /^\s*(<!doctype html|<html|<head|<body|<script|<iframe|<title)/i],
  ['application/xml', /^\s*<\?xml/i],
  ['text/json', /^\s*[{[]\s*["{[\]]/],
];

/** DER of the hash AlgorithmIdentifier OIDs (SHA-1, SHA-256) an OCSP request's CertID opens with. */
const OCSP_HASH_OIDS: ReadonlyArray<readonly number[]> = [
  [0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a],
  [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01],
];

/** Sniffs the type of `head` (a body's first bytes); null when it cannot tell. */
export function sniffMime(head: Uint8Array): string | null {
  for (const [type, magic] of MAGIC) if (hasPrefix(head, magic)) return type;
  if (isOcspRequest(head)) return 'application/ocsp-request';
  if (head.length === 0) return null;
  const sample = head.subarray(0, MIME_SNIFF_BYTES);
  if (mayBeMarkup(sample)) {
    const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1');
    for (const [type, marker] of TEXT_MARKERS) if (marker.test(text)) return type;
  }
  return isPlainText(sample) ? 'text/plain' : null;
}

function hasPrefix(data: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (data.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (data[at + i] !== magic[i]) return false;
  return true;
}

/**
 * An OCSP request (RFC 6960): a DER SEQUENCE whose four nested SEQUENCEs (OCSPRequest, TBSRequest,
 * requestList, Request) lead to the CertID's hash algorithm, within the first 32 bytes.
 */
function isOcspRequest(head: Uint8Array): boolean {
  if (head[0] !== 0x30) return false;
  for (let at = 8; at < Math.min(32, head.length); at++) {
    if (OCSP_HASH_OIDS.some((oid) => hasPrefix(head, oid, at))) return true;
  }
  return false;
}

/** True when the first non-blank byte opens markup or JSON (`<`, `{`, `[`): only then are the text markers tried. */
function mayBeMarkup(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
    return b === 0x3c || b === 0x7b || b === 0x5b;
  }
  return false;
}

function isPlainText(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return false;
  }
  return true;
}
