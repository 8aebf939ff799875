import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** `parseArgs` whose errors (unknown or malformed options) are one-line UsageErrors. */
export function parseHostArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T, sub: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`host ${sub}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Seconds from `1s`, `500ms`, `2m`, `1h` or a bare number of seconds.
 * @example durationSeconds('500ms', '--interval') // 0.5
 */
export function durationSeconds(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[match?.[2] ?? 's'] ?? 1;
  const value = match ? Number(match[1]) * unit : NaN;
  if (!(value > 0)) throw new UsageError(`${flag} needs a positive duration such as 1s or 500ms, got "${text}"`);
  return value;
}

/** A positive integer option value. */
export function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} needs a positive integer, got "${text}"`);
  return n;
}

/** Default key file: outside any log directory, in the user's config. */
export function defaultKeyFile(): string {
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'tracer', 'host.key');
}
