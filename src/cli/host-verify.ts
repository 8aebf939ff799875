import { existsSync, readFileSync } from 'node:fs';
import { loadKeys } from '../host/host-key.js';
import { verifyChainLog } from '../host/verify-log.js';
import { escapeTerminal } from '../util/escape.js';
import { InputError, UsageError } from './command.js';
import { parseHostArgs } from './host-args.js';

/**
 * `tracer host verify LOG [--checkpoints F] [--key-file F]`: prints one line per
 * problem (file, line, byte offset, code, what) and returns 1 when any, else 0.
 */
export async function runVerify(argv: string[]): Promise<number> {
  const { values, positionals } = parseHostArgs(argv, { checkpoints: { type: 'string' }, 'key-file': { type: 'string' } }, 'verify');
  if (positionals.length !== 1) throw new UsageError('host verify needs exactly one log file');
  const logPath = positionals[0];
  const checkpointPath = values.checkpoints ?? `${logPath}.checkpoints`;
  const logText = readOrFail(logPath);
  const checkpointText = existsSync(checkpointPath) ? readOrFail(checkpointPath) : null;
  const key = values['key-file'] ? loadKeys(values['key-file']).checkpoint : null;
  const result = verifyChainLog(logText, checkpointText, key);
  for (const p of result.problems) {
    const file = p.file === 'log' ? logPath : checkpointPath;
    process.stdout.write(`${escapeTerminal(file)}: line ${p.line} (byte ${p.offset}): ${p.code}: ${p.message}\n`);
  }
  if (checkpointText === null) process.stderr.write(`tracer: warning: no checkpoint file ${escapeTerminal(checkpointPath)}: a truncated or rewritten log cannot be detected\n`);
  else if (!key) process.stderr.write('tracer: warning: no --key-file: checkpoints are not authenticated, a rewritten log with forged checkpoints would pass\n');
  const verdict = result.problems.length === 0 ? 'intact' : `TAMPERED (${result.problems.length} problem(s))`;
  process.stdout.write(`${escapeTerminal(logPath)}: ${verdict}: ${result.records} records, ${result.checkpoints} checkpoints (${result.authenticated} authenticated)\n`);
  return result.problems.length === 0 ? 0 : 1;
}

/** File text, or a one-line InputError. */
function readOrFail(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
