import { execFileSync } from 'node:child_process';

/** Largest tshark output read by the test oracles (the corpus files are small). */
const MAX_TSHARK_OUTPUT = 512 * 1024 * 1024;

/**
 * Test support: runs tshark (the oracle) on `pcap` and returns one row per
 * matching frame with the requested fields, tab-separated by tshark.
 */
export function tsharkFields(pcap: string, fields: string[], displayFilter: string, extraArgs: string[] = []): string[][] {
  const args = ['-r', pcap, '-n', '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...extraArgs];
  if (displayFilter !== '') args.push('-Y', displayFilter);
  for (const f of fields) args.push('-e', f);
  const out = execFileSync('tshark', args, { encoding: 'utf8', maxBuffer: MAX_TSHARK_OUTPUT, stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
}
