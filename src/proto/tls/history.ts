import { MAX_SSL_HISTORY } from './limits.js';

/** Zeek's ssl_history letter of each handshake message type (base/protocols/ssl/main.zeek); others are `z`. */
const HANDSHAKE_LETTERS = new Map<number, number>([
  [0, 'h'], [1, 'c'], [2, 's'], [3, 'v'], [4, 't'], [5, 'e'], [6, 'j'], [8, 'o'], [11, 'x'], [12, 'k'], [13, 'r'],
  [14, 'n'], [15, 'y'], [16, 'g'], [20, 'f'], [21, 'w'], [22, 'u'], [23, 'a'], [24, 'p'], [254, 'm'],
].map(([type, letter]) => [type as number, (letter as string).charCodeAt(0)]));

/** Letters of the record-level events: change_cipher_spec, alert, heartbeat, and a HelloRetryRequest. */
export const LETTER_CCS = 0x69, LETTER_ALERT = 0x6c, LETTER_HEARTBEAT = 0x62, LETTER_HELLO_RETRY = 0x6a;
const LETTER_UNASSIGNED = 0x7a;
const UPPER = 0x20;

/** The ssl_history letter (lower case) of a handshake message type. */
export function handshakeLetter(type: number): number {
  return HANDSHAKE_LETTERS.get(type) ?? LETTER_UNASSIGNED;
}

/**
 * Zeek's ssl_history: one letter per handshake message, change_cipher_spec,
 * alert and heartbeat seen in clear, upper case when the client sent it.
 * Kept in a fixed buffer of MAX_SSL_HISTORY letters, as Zeek caps it.
 */
export class SslHistory {
  private readonly letters = new Uint8Array(MAX_SSL_HISTORY);
  private length = 0;

  /** Appends a lower-case letter; returns true when this letter filled the history (Zeek's limit weird). */
  add(isClient: boolean, letter: number): boolean {
    if (this.length === MAX_SSL_HISTORY) return false;
    this.letters[this.length++] = isClient ? letter - UPPER : letter;
    return this.length === MAX_SSL_HISTORY;
  }

  /** The history as logged (e.g. `CsxknGIi`). */
  text(): string {
    return String.fromCharCode(...this.letters.subarray(0, this.length));
  }
}
