import { escapeTerminal } from '../util/escape.js';
import type { FeedProblem } from '../intel/types.js';

/** Feed problems printed before the rest are only counted. */
const MAX_PROBLEM_LINES = 20;

/** Prints feed problems as `file:line: message` (terminal-escaped), the first few in full, then a count. */
export function problemPrinter(stream: NodeJS.WritableStream): { print: (p: FeedProblem) => void; finish: () => number } {
  let count = 0;
  return {
    print(problem) {
      if (++count <= MAX_PROBLEM_LINES) stream.write(escapeTerminal(`${problem.file}:${problem.line}: ${problem.message}`) + '\n');
    },
    finish() {
      if (count > MAX_PROBLEM_LINES) stream.write(`… and ${count - MAX_PROBLEM_LINES} more feed problems\n`);
      return count;
    },
  };
}
