import { createInterface } from 'node:readline/promises';
import { NotFoundError } from '../case/errors.js';
import { interactiveCase, type Terminal } from '../case/prompts.js';
import { DEFAULT_DB_PATH } from '../store/duckdb.js';
import { caseIdArg, parseCaseArgs, withCases } from './case-args.js';
import { UsageError } from './command.js';

/**
 * The process's terminal as a Terminal: lines are queued as they arrive (piped
 * input may come all at once), each question takes the next one; undefined
 * once input ends.
 */
function terminal(): { term: Terminal; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let ended = false;
  rl.on('line', (line) => {
    if (waiting) waiting(line);
    else lines.push(line);
    waiting = undefined;
  });
  rl.on('close', () => {
    ended = true;
    waiting?.(undefined);
    waiting = undefined;
  });
  const term: Terminal = {
    ask(question) {
      rl.setPrompt(question);
      rl.prompt();
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => { waiting = resolve; });
    },
    print(text) { process.stdout.write(text); },
  };
  return { term, close: () => rl.close() };
}

/** `tracer case new` and `tracer case continue <id>`: the interactive flow on this terminal. */
export async function runCaseInteractive(sub: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseCaseArgs(argv, {}, sub);
  const id = sub === 'continue' ? caseIdArg(values, positionals, sub) : undefined;
  const db = values.db ?? DEFAULT_DB_PATH;
  const { term, close } = terminal();
  try {
    return await interactiveCase(term, (work) => withCases(db, work), db, id);
  } catch (err) {
    if (err instanceof NotFoundError) throw new UsageError(`case ${sub}: ${err.message}`);
    throw err;
  } finally {
    close();
  }
}
