import { escapeTerminal } from '../util/escape.js';
import { MAX_REPORTED_PROBLEMS } from './limits.js';

/** One line that could not be read, as a one-line message. */
export interface LineProblem {
  line: number;
  /** Stable snake_case code, e.g. `bad_json`. */
  code: string;
  /** What was wrong, in a few words. */
  reason: string;
}

/** Counts unparseable lines of one file by code and keeps the first few. */
export class LineProblems {
  /** Unparseable lines in all. */
  count = 0;
  /** Code → number of lines. */
  readonly byCode: Record<string, number> = {};
  /** The first MAX_REPORTED_PROBLEMS problems, in line order. */
  readonly first: LineProblem[] = [];

  constructor(private readonly keep = MAX_REPORTED_PROBLEMS) {}

  /** Records that line `line` could not be read. */
  add(line: number, code: string, reason: string): void {
    this.count++;
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
    if (this.first.length < this.keep) this.first.push({ line, code, reason });
  }
}

/** `file:line: reason (code)`, safe to print on a terminal. */
export function formatLineProblem(file: string, p: LineProblem): string {
  return escapeTerminal(`${file}:${p.line}: ${p.reason} (${p.code})`);
}
