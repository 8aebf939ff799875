/** Flags a CyberTrace client may send first, longest first (one is a prefix-free sibling of the other). */
export const REPLY_FLAGS = ['X-KF-SendFinishedEventX-KF-ReplyBack', 'X-KF-ReplyBack'] as const;
const FLAG_BYTES = REPLY_FLAGS.map((f) => Buffer.from(f, 'latin1'));
const LONGEST_FLAG = FLAG_BYTES[0].length;

/** Result of looking at the start of a stream: undecided yet, or how many bytes the flag took. */
export type FlagDecision = { decided: false } | { decided: true; flag: string; consumed: number };

/**
 * Decides whether the stream `head` (the first bytes received, possibly split
 * across packets) begins with a CyberTrace flag. The flag is a byte prefix,
 * not a line: `X-KF-ReplyBackurl=…` is the flag followed by an event.
 * Undecided while `head` is still a proper prefix of a flag.
 */
export function detectFlag(head: Buffer): FlagDecision {
  for (let f = 0; f < FLAG_BYTES.length; f++) {
    const flag = FLAG_BYTES[f];
    const n = Math.min(head.length, flag.length);
    if (head.compare(flag, 0, n, 0, n) !== 0) continue;
    if (head.length >= flag.length) return { decided: true, flag: REPLY_FLAGS[f], consumed: flag.length };
    return { decided: false };
  }
  return { decided: true, flag: '', consumed: 0 };
}

/** Bytes that must be held back at most before {@link detectFlag} decides. */
export const MAX_FLAG_BYTES = LONGEST_FLAG;
