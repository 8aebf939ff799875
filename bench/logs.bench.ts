import { readFileSync } from 'node:fs';
import { ingestLogFile } from '../src/logs/ingest-logs.js';
import { parserFor } from '../src/logs/log-parsers.js';
import type { RecordSink } from '../src/logs/parser.js';
import type { LogFormat } from '../src/logs/sniff.js';
import { openStore } from '../src/store/duckdb.js';
import { corpus } from '../test/helpers/corpus.js';
import { roundsPerSecond } from './measure.js';

/**
 * `npx tsx bench/logs.bench.ts [seconds]`: single-core lines/s of each log
 * parser over corpus logs held in memory (parse only, records dropped), then
 * of ingestLogFile end to end (file read, SHA-256, parse, DuckDB append).
 */
const SECONDS = Number(process.argv[2] ?? 2);
const DROP: RecordSink = { emit: () => undefined };

const INPUTS: Array<[LogFormat, string]> = [
  ['sshd-syslog', 'auth-logs/elastic_suspicious_login_activity_auth.log'],
  ['sshd-syslog', 'auth-logs/loghub_OpenSSH_2k.log'],
  ['suricata-eve', 'suricata/zeus-project_eve.json'],
  ['zeek-tsv', 'zeek-logs/ics-pcap_4SICS-GeekLounge-151020_conn.log'],
  ['zeek-json', 'zeek-logs/rita_json_dns.log'],
];

const rate = (round: () => void): number => roundsPerSecond(round, SECONDS);

function line(label: string, lines: number, bytes: number, perSecond: number): void {
  console.log(`${label.padEnd(58)} ${Math.round(lines * perSecond).toLocaleString('en-US').padStart(10)} lines/s ${(bytes * perSecond / 1e6).toFixed(1).padStart(7)} MB/s`);
}

for (const [format, file] of INPUTS) {
  const text = readFileSync(corpus(file), 'utf8');
  const lines = text.split(/\r?\n/);
  line(`parse ${format} ${file.split('/')[1]}`, lines.length, text.length, rate(() => {
    const parser = parserFor(format, { file, year: 2024 });
    for (let i = 0; i < lines.length; i++) parser.parseLine(lines[i], i + 1, DROP);
  }));
}

for (const [format, file] of INPUTS) {
  const bytes = readFileSync(corpus(file)).length;
  const store = await openStore(':memory:');
  const start = process.hrtime.bigint();
  const report = await ingestLogFile(store, corpus(file), { format });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await store.close();
  line(`ingest ${format} ${file.split('/')[1]}`, report.lines, bytes, 1 / seconds);
}
