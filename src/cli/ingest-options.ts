import { escapeTerminal } from '../util/escape.js';
import { UsageError } from './command.js';

/** Problem lines printed per input before summarising the rest. */
const MAX_PROBLEM_LINES = 20;

/** A positive number from an option, or a UsageError naming the flag. */
export function positiveNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} needs a positive number, got "${text}"`);
  return n;
}

/**
 * Prints damaged spots of captures as `tracer: FILE: offset N: message` on stderr, the first
 * MAX_PROBLEM_LINES per input in full, then one line saying the rest are only counted.
 */
export function captureProblemPrinter(): (input: string, p: { offset: number; message: string }) => void {
  const printed = new Map<string, number>();
  return (input, p) => {
    const n = (printed.get(input) ?? 0) + 1;
    printed.set(input, n);
    if (n <= MAX_PROBLEM_LINES) process.stderr.write(`tracer: ${escapeTerminal(input)}: offset ${p.offset}: ${escapeTerminal(p.message)}\n`);
    else if (n === MAX_PROBLEM_LINES + 1) process.stderr.write(`tracer: ${escapeTerminal(input)}: further problems are counted, not printed\n`);
  };
}
