/** Handshake type of a ClientHello. */
const CLIENT_HELLO = 1;

/**
 * Content detection: a handshake record (0x16), major version 3, minor 0–4,
 * carrying a ClientHello — on any port (4443, 9090…). 'more' until the six
 * bytes needed are there.
 */
export function detectTls(isOrig: boolean, b: Uint8Array): 'yes' | 'no' | 'more' {
  if (!isOrig) return 'no';
  if (b.length < 6) {
    const prefix = [0x16, 0x03];
    for (let i = 0; i < Math.min(b.length, 2); i++) if (b[i] !== prefix[i]) return 'no';
    return 'more';
  }
  return b[0] === 0x16 && b[1] === 0x03 && b[2] <= 0x04 && b[5] === CLIENT_HELLO ? 'yes' : 'no';
}
