import { commands } from './commands.js';
import { InputError, UsageError } from './command.js';
import { exitOnBrokenPipe } from '../util/broken-pipe.js';

/** Entry point of the `tracer` command line. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic) {
      const entry = commands.find((c) => c.name === topic);
      if (!entry) throw new UsageError(`unknown command "${topic}"; run "tracer help"`);
      process.stdout.write((await entry.load()).usage + '\n');
      return 0;
    }
    process.stdout.write('tracer — network forensics and incident tracing\n\nCommands:\n');
    for (const c of commands) process.stdout.write(`  ${c.name.padEnd(12)} ${c.summary}\n`);
    process.stdout.write('\nRun "tracer help <command>" for options and examples.\n');
    return 0;
  }
  if (name === '--version' || name === 'version') {
    const { version } = await import('../util/version.js');
    process.stdout.write(`tracer ${version}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new UsageError(`unknown command "${name}"; run "tracer help"`);
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  return command.run(rest);
}

exitOnBrokenPipe(process.stdout);
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof UsageError || isParseArgsError(err)) {
      process.stderr.write(`tracer: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof InputError) {
      process.stderr.write(`tracer: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`tracer: internal error: ${message}\n`);
      if (process.env.TRACER_DEBUG) console.error(err);
      process.exitCode = 70;
    }
  },
);

/** node:util parseArgs rejects unknown or malformed options with these codes: a usage error, not a crash. */
function isParseArgsError(err: unknown): err is Error {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
