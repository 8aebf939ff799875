import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { parserFor } from './log-parsers.js';
import { LOG_FORMATS } from './sniff.js';
import { parseLines } from './testing/collect.js';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
/** Seed lines read from each corpus log (a few of each kind). */
const SEED_LINES_PER_FILE = 40;
const SEED_FILES = [
  'auth-logs/loghub_OpenSSH_2k.log', 'auth-logs/elastic_suspicious_login_activity_auth.log', 'auth-logs/loghub_Linux_2k.log',
  'suricata/zeus-project_eve.json', 'suricata/surevego_eve.json', 'zeek-logs/rita_proxy_tsv_dns.log', 'zeek-logs/rita_json_conn.log',
  'zeek-logs/zeek-baseline_sshguess_notice.log',
];
const INLINE_SEEDS = [
  '<38>1 2024-03-01T10:00:00Z h sshd 1 - [a b="c\\]"] Accepted password for u from 10.0.0.1 port 2 ssh2',
  'Mar  1 10:00:00 h sshd[1]: message repeated 99999999 times: [ Failed password for root from 1.2.3.4 port 5 ssh2]',
  '{"__REALTIME_TIMESTAMP":"1","SYSLOG_IDENTIFIER":"sshd","MESSAGE":[70,97,105,108,101,100]}',
  '{"Event":{"System":{"EventID":{"#text":4625},"TimeCreated":{"#attributes":{"SystemTime":"2024-01-01T00:00:00Z"}}},"EventData":{"IpPort":"x"}}}',
  '#fields\tts\tuid\tanswers', '#types\ttime\tstring\tvector[string]',
];

function seeds(): string[] {
  if (!haveCorpus) return INLINE_SEEDS;
  return [...INLINE_SEEDS, ...SEED_FILES.flatMap((f) => readFileSync(corpus(f), 'utf8').split('\n').slice(0, SEED_LINES_PER_FILE))];
}

/** A seed line with characters replaced, inserted and cut: what a corrupted or hostile log holds. */
const mutatedLine = fc.record({
  seed: fc.constantFrom(...seeds()),
  edits: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"', '{', '}', '[', ']', '\t', '\\', '\\x0', '-', ':', ' port ', '\u0000'))), { maxLength: 5 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
}).map(({ seed, edits, cut }) => {
  let line = seed;
  for (const [at, text] of edits) {
    const i = at % (line.length + 1);
    line = line.slice(0, i) + text + line.slice(i + (at % 2));
  }
  return cut === undefined ? line : line.slice(0, cut % (line.length + 1));
});

describe('log parsers fuzz', () => {
  for (const format of LOG_FORMATS) {
    it(`${format}: mutated lines never throw; errors are named and records sane`, () => {
      fc.assert(fc.property(fc.array(mutatedLine, { minLength: 1, maxLength: 8 }), (lines) => {
        const { records, errors } = parseLines(parserFor(format, { file: 'fuzz.log', year: 2024 }), lines);
        for (const e of errors) expect(e.code).toMatch(/^[a-z][a-z0-9_]*$/);
        const all = Object.values(records).flat();
        expect(all.length).toBeLessThanOrEqual(lines.length * 2); // at most an alert and its mapped record per line
        for (const r of all) expect(r.ts === null || r.ts === undefined || (typeof r.ts === 'number' && Number.isFinite(r.ts))).toBe(true);
      }), { interruptAfterTimeLimit: FUZZ_MS / LOG_FORMATS.length, numRuns: Number.MAX_SAFE_INTEGER });
    });
  }
});
