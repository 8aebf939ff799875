import { UsageError, type Command } from './command.js';
import { intelUsage as usage } from './intel-usage.js';

/** `tracer intel`: dispatches to compile, serve, lookup and match, each loaded only when run. */
const intelCommand: Command = {
  name: 'intel',
  summary: 'Threat intel: compile feeds, look up indicators, serve CyberTrace/KUMA enrichment',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    const load = {
      compile: async () => (await import('./intel-compile.js')).default,
      serve: async () => (await import('./intel-serve.js')).default,
      lookup: async () => (await import('./intel-lookup.js')).default,
      match: async () => (await import('./intel-match.js')).default,
    }[sub ?? ''];
    if (!load) throw new UsageError(`intel needs a sub-command: compile, serve, lookup or match (got "${sub ?? ''}")`);
    return (await load()).run(rest);
  },
};

export default intelCommand;
