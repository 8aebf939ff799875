/** Handshake types of the hellos. */
const CLIENT_HELLO = 1, SERVER_HELLO = 2;

/**
 * Content detection: a handshake record (0x16), major version 3, minor 0–4,
 * carrying a ClientHello — on any port (4443, 9090…). 'more' until the six
 * bytes needed are there. A ServerHello from the responder counts too (captures
 * that hold only the server's side of a connection).
 */
export function detectTls(isOrig: boolean, b: Uint8Array): 'yes' | 'no' | 'more' {
  if (b.length < 6) {
    const prefix = [0x16, 0x03];
    for (let i = 0; i < Math.min(b.length, 2); i++) if (b[i] !== prefix[i]) return 'no';
    return 'more';
  }
  return b[0] === 0x16 && b[1] === 0x03 && b[2] <= 0x04 && b[5] === (isOrig ? CLIENT_HELLO : SERVER_HELLO) ? 'yes' : 'no';
}
