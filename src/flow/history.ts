import { MAX_HISTORY_LENGTH } from './limits.js';

/** Letters recorded on a logarithmic scale: retransmission, zero window, content gap. */
export type ScaledLetter = 'T' | 'W' | 'G';
/** Decimal digits of a safe integer: bounds the power-of-ten check. */
const MAX_DECIMAL_DIGITS = 16;

/**
 * Zeek's connection history: one letter per kind of event, upper case for
 * the originator and lower case for the responder. Most letters are recorded
 * once per direction (a bit in `seen`); the repeat letters (retransmission T,
 * zero window W, content gap G) are recorded at the 1st, 10th, 100th…
 * occurrence, as Zeek's ScaledHistoryEntry does. `^` marks a role flip.
 */
export class History {
  /** The letters so far. */
  text = '';
  /** Bits of the once-per-direction events already recorded (responder bits are shifted by 16). */
  private seen = 0;
  private origT = 0; private respT = 0;
  private origW = 0; private respW = 0;
  private origG = 0; private respG = 0;

  /**
   * Records `letter` (given upper case) for a direction unless `mask` was seen
   * already. Returns true when it had been seen before (Zeek's CheckHistory).
   */
  check(mask: number, letter: string, isOrig: boolean): boolean {
    const bit = isOrig ? mask : mask << 16;
    if ((this.seen & bit) !== 0) return true;
    this.seen |= bit;
    this.add(letter, isOrig);
    return false;
  }

  /** Appends `letter` (given upper case) in the case of the direction. */
  add(letter: string, isOrig: boolean): void {
    this.append(isOrig ? letter : letter.toLowerCase());
  }

  /** Counts one repeat event and records its letter at the 1st, 10th, 100th… occurrence. */
  scaled(letter: ScaledLetter, isOrig: boolean): void {
    let count: number;
    if (letter === 'T') count = isOrig ? ++this.origT : ++this.respT;
    else if (letter === 'W') count = isOrig ? ++this.origW : ++this.respW;
    else count = isOrig ? ++this.origG : ++this.respG;
    if (isPowerOfTen(count)) this.add(letter, isOrig);
  }

  /** Appends a letter verbatim (`^` for a flip). */
  append(letter: string): void {
    if (this.text.length < MAX_HISTORY_LENGTH) this.text += letter;
  }
}

function isPowerOfTen(n: number): boolean {
  for (let i = 0; i < MAX_DECIMAL_DIGITS && n % 10 === 0; i++) n /= 10;
  return n === 1;
}
