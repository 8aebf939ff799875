/** A `tracer` sub-command: one file per command under src/cli/. */
export interface Command {
  /** Word after `tracer` (e.g. `ingest`). */
  name: string;
  /** One line for `tracer help`. */
  summary: string;
  /** Full usage text with examples, printed by `tracer help <name>` and on `--help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[]): Promise<number>;
}

/** A user error: printed as one line without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input data (corrupt file, unreadable feed): printed as one line, exit code 1. */
export class InputError extends Error {
  override name = 'InputError';
}
