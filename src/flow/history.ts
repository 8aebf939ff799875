import { MAX_HISTORY_LENGTH } from './limits.js';

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
  /** Occurrence counters and next thresholds of the scaled letters, indexed by scaledIndex(). */
  private readonly counts = new Float64Array(SCALED_LETTERS.length * 2);
  private readonly thresholds = new Float64Array(SCALED_LETTERS.length * 2).fill(1);

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

  /** Counts one repeat event (T, W or G) and records its letter at 1, 10, 100… occurrences. */
  scaled(letter: ScaledLetter, isOrig: boolean): void {
    const i = SCALED_LETTERS.indexOf(letter) * 2 + (isOrig ? 0 : 1);
    this.counts[i] += 1;
    if (this.counts[i] === this.thresholds[i]) {
      this.add(letter, isOrig);
      this.thresholds[i] *= 10;
    }
  }

  /** Appends a letter verbatim (`^` for a flip). */
  append(letter: string): void {
    if (this.text.length < MAX_HISTORY_LENGTH) this.text += letter;
  }
}

/** Letters recorded on a logarithmic scale. */
export type ScaledLetter = 'T' | 'W' | 'G';
const SCALED_LETTERS: readonly ScaledLetter[] = ['T', 'W', 'G'];
