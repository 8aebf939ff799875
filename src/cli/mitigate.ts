import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAnalysis, planMitigations, RULE_TARGETS, type RuleTarget } from '../mitigate/index.js';
import { renderPlan, renderTarget, targetFiles } from '../mitigate/render.js';
import { escapeTerminal } from '../util/escape.js';
import { InputError, UsageError, type Command } from './command.js';

const usage = `Usage: tracer mitigate --analysis FILE [options]

Plans mitigations for what an analysis (analysis.json from "tracer analyze") saw: block
rules ready to paste for each enforcement point, hardening for the weaknesses exploited,
and commands that check each control works. Only validated addresses and names reach the
rules; the organisation's own hosts are isolated, never put on block lists.

Options:
  --analysis FILE    analysis.json written by tracer analyze (required)
  --target T         print only the rules for one point: ${RULE_TARGETS.join(', ')}
  --out DIR          write one file per rule file (iptables.rules, tracer_block.nft,
                     cisco-asa.txt, tracer.rules, tracer-intel.dat, rpz.tracer.zone, …)
                     and plan.txt / plan.json instead of printing
  --internal CIDRS   more networks that are yours (comma-separated), never blocked
  --sinkhole IPV4    answer sinkholed names with this address instead of NXDOMAIN
  --resolver IP      your resolver, named in the dig checks
  --json             print the plan as JSON

Examples:
  tracer mitigate --analysis tracer-analysis/analysis.json
  tracer mitigate --analysis analysis.json --target nftables > block.nft && nft -c -f block.nft
  tracer mitigate --analysis analysis.json --out mitigations --sinkhole 10.0.0.53`;

/** Reads and parses the analysis, as an InputError on failure. */
function readAnalysis(path: string): ReturnType<typeof parseAnalysis> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`Cannot read ${escapeTerminal(path)}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    return parseAnalysis(text, escapeTerminal(path));
  } catch (err) {
    throw new InputError(escapeTerminal((err as Error).message));
  }
}

const command: Command = {
  name: 'mitigate',
  summary: 'Block rules, hardening and checks for what an analysis saw',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        analysis: { type: 'string' }, target: { type: 'string' }, out: { type: 'string' }, internal: { type: 'string' },
        sinkhole: { type: 'string' }, resolver: { type: 'string' }, json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`mitigate takes no positional arguments, got "${escapeTerminal(positionals[0])}"`);
    if (values.analysis === undefined) throw new UsageError('mitigate needs --analysis FILE (analysis.json from tracer analyze)');
    const target = values.target as RuleTarget | undefined;
    if (target !== undefined && !RULE_TARGETS.includes(target)) throw new UsageError(`--target must be one of ${RULE_TARGETS.join(', ')}, got "${escapeTerminal(target)}"`);
    const analysis = readAnalysis(values.analysis);
    let plan;
    try {
      plan = planMitigations(analysis, {
        internal: values.internal?.split(',').map((s) => s.trim()).filter((s) => s !== ''), sinkhole: values.sinkhole, resolver: values.resolver,
      });
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(escapeTerminal(err.message));
      throw err;
    }
    if (values.out !== undefined) {
      mkdirSync(values.out, { recursive: true });
      const files = targetFiles(plan, target);
      for (const f of files) writeFileSync(join(values.out, f.file!), f.text);
      writeFileSync(join(values.out, 'plan.txt'), renderPlan(plan));
      writeFileSync(join(values.out, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
      process.stderr.write(`${plan.mitigations.length} mitigation(s); wrote ${files.length} rule file(s), plan.txt and plan.json to ${escapeTerminal(values.out)}\n`);
      return 0;
    }
    const text = values.json ? `${JSON.stringify(plan, null, 2)}\n` : target ? renderTarget(plan, target) : renderPlan(plan);
    process.stdout.write(values.json ? text : text.split('\n').map((line) => line.split('\t').map(escapeTerminal).join('\t')).join('\n'));
    return 0;
  },
};

export default command;
