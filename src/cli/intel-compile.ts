import { parseArgs } from 'node:util';
import { loadFeed, parseFeedSpec } from '../intel/feeds/load-feed.js';
import { compileTix } from '../intel/index/load-index.js';
import { UsageError, type Command } from './command.js';
import { compileUsage as usage } from './intel-usage.js';
import { problemPrinter } from './intel-problems.js';

const compileCommand: Command = {
  name: 'intel compile',
  summary: 'Compile feeds into a .tix index',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, quiet: { type: 'boolean', default: false } } });
    if (!values.output) throw new UsageError('intel compile needs -o FILE.tix');
    if (positionals.length === 0) throw new UsageError('intel compile needs at least one feed');
    const started = performance.now();
    const problems = problemPrinter(process.stderr);
    const feeds = positionals.map((spec) => loadFeed(parseFeedSpec(spec)));
    for (const feed of feeds) feed.problems.forEach(problems.print);
    const problemCount = problems.finish();
    const stats = compileTix(feeds, values.output);
    if (!values.quiet) {
      process.stderr.write(`compiled ${stats.records} indicators from ${stats.feeds} feeds (${stats.ipv4} IPv4, ${stats.ipv6} IPv6, ${stats.keys} domain/URL/hash keys`
        + `, ${stats.residualMasks} unanchored URL masks) into ${values.output}: ${stats.bytes} bytes, ${((performance.now() - started) / 1000).toFixed(2)} s`
        + `${problemCount ? `, ${problemCount} records skipped` : ''}\n`);
    }
    return 0;
  },
};

export default compileCommand;
