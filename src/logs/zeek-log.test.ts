import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { openStore } from '../store/duckdb.js';
import { exportText } from '../store/export/index.js';
import { schemaByName } from '../store/schema/index.js';
import { ingestLogFile } from './ingest-logs.js';
import { parseLines } from './testing/collect.js';
import { zeekJsonParser, zeekTsvParser } from './zeek-log.js';

/** Data rows of a Zeek TSV log as field-name → text maps (header lines dropped). */
function tsvRows(text: string): Array<Record<string, string>> {
  const lines = text.split('\n');
  const fields = lines.find((l) => l.startsWith('#fields'))?.split('\t').slice(1) ?? [];
  return lines.filter((l) => l !== '' && !l.startsWith('#')).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [fields[i], v])));
}

async function exported(stream: string, path: string): Promise<string> {
  const store = await openStore(':memory:');
  let text = '';
  const out = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  try {
    await ingestLogFile(store, path);
    const schema = schemaByName(stream);
    if (!schema) throw new Error(`no ${stream} schema`);
    await exportText(store, { schema, format: 'zeek-tsv' }, out);
  } finally {
    await store.close();
  }
  return text;
}

/** Sorts rows by uid then ts so that two exports compare independent of order. */
function byKey(rows: Array<Record<string, string>>): Array<Record<string, string>> {
  return [...rows].sort((a, b) => (a.uid + a.ts + a.trans_id).localeCompare(b.uid + b.ts + b.trans_id));
}

describe.runIf(haveCorpus)('Zeek TSV logs round-trip through the store', () => {
  const cases: Array<[string, string, string[]]> = [
    ['conn', 'zeek-logs/rita_proxy_tsv_conn.log', ['tunnel_parents']],
    ['conn', 'zeek-logs/ics-pcap_4SICS-GeekLounge-151020_conn.log', ['tunnel_parents']],
    ['dns', 'zeek-logs/rita_proxy_tsv_dns.log', []],
    ['ssl', 'zeek-logs/rita_proxy_tsv_ssl.log', ['cert_chain_fuids', 'client_cert_chain_fuids', 'client_issuer', 'client_subject', 'issuer', 'subject', 'validation_status']],
  ];
  for (const [stream, file, dropped] of cases) {
    it(`${file}: export zeek-tsv equals the input, field by field, but for ${dropped.join(', ') || 'nothing'}`, async () => {
      const input = tsvRows(readFileSync(corpus(file), 'utf8'));
      const output = byKey(tsvRows(await exported(stream, corpus(file))));
      expect(output.length).toBe(input.length);
      const kept = Object.keys(input[0]).filter((f) => !dropped.includes(f));
      const project = (r: Record<string, string>): Record<string, string> => Object.fromEntries(kept.map((f) => [f, r[f]]));
      expect(output.map(project)).toEqual(byKey(input).map(project));
    });
  }

  it('reports the cut last line of a truncated log, keeping the rows before it', async () => {
    const store = await openStore(':memory:');
    try {
      const report = await ingestLogFile(store, corpus('zeek-logs/rita_truncated_tsv_conn.log'));
      expect(report.records).toEqual({ conn: 58 });
      expect(report.firstProblems).toEqual([{ line: 67, code: 'zeek_field_count', reason: '9 fields where #fields names 21' }]);
      expect(report.droppedFields).toEqual({ conn: ['tunnel_parents'] });
    } finally {
      await store.close();
    }
  });

  it('reads notice.log into the notice stream (masked btest times stored unset and reported)', async () => {
    const text = readFileSync(corpus('zeek-logs/zeek-baseline_sshguess_notice.log'), 'utf8').split('\n');
    const { records, errors } = parseLines(zeekTsvParser({ file: 'notice.log' }), text);
    expect(records.notice).toHaveLength(1);
    expect(records.notice?.[0]).toMatchObject({ ts: null, note: 'SSH::Password_Guessing', src: '192.168.56.1', actions: ['Notice::ACTION_LOG'], email_dest: [], suppress_for: 3600 });
    expect(errors.map((e) => e.code)).toEqual(['zeek_bad_value']);
  });
});

describe.runIf(haveCorpus)('Zeek JSON logs', () => {
  it('maps rita conn.log JSON 1:1 onto conn columns', () => {
    const lines = readFileSync(corpus('zeek-logs/rita_json_conn.log'), 'utf8').split('\n');
    const { records, errors } = parseLines(zeekJsonParser({ file: 'conn.log' }), lines);
    expect(errors).toEqual([]);
    expect(records.conn).toHaveLength(29);
    expect(records.conn?.[0]).toMatchObject({ ts: 1517422326.539915, uid: 'CxHo3m4N8uGxrMlcl2', id_orig_h: '10.55.100.100', id_resp_p: 80, local_orig: true, history: 'ShADadfF' });
  });

  it('reads ISO 8601 times, takes the stream from the file name without _path, and reports junk', () => {
    const parser = zeekJsonParser({ file: 'dns.log' });
    const { records, errors } = parseLines(parser, ['{"ts":"2021-01-14T17:26:43.325590Z","uid":"C1","query":"example.com","answers":["1.2.3.4"]}', '[1]', '{"_path":"quic","ts":1}']);
    expect(records.dns?.[0]).toMatchObject({ ts: 1610645203.32559, query: 'example.com', answers: ['1.2.3.4'] });
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, 'bad_json'], [3, 'zeek_unsupported_path']]);
  });
});

describe('Zeek TSV headers', () => {
  it('follows #path changes, a custom #set_separator and escaped values (http and ssh)', () => {
    const lines = [
      '#separator \\x09', '#set_separator\t|', '#path\thttp',
      '#fields\tts\tuid\tid.orig_h\tmethod\turi\tuser_agent\ttags\tresp_mime_types',
      '#types\ttime\tstring\taddr\tstring\tstring\tstring\tset[enum]\tvector[string]',
      '1600000000.000001\tC1\t10.0.0.1\tGET\t/a\\x09b\tcurl\\x2f8 \\xc3\\xa9\t(empty)\ttext/html|image/png',
      '#path\tssh', '#fields\tts\tuid\tauth_success\tauth_attempts\tclient', '#types\ttime\tstring\tbool\tcount\tstring',
      '1600000001.5\tC2\tF\t3\tSSH-2.0-libssh', '1600000002\tC3\tX\t1\t-',
    ];
    const { records, errors } = parseLines(zeekTsvParser({ file: 'mixed.log' }), lines);
    expect(records.http?.[0]).toMatchObject({ ts: 1600000000.000001, id_orig_h: '10.0.0.1', uri: '/a\tb', user_agent: 'curl/8 é', tags: [], resp_mime_types: ['text/html', 'image/png'] });
    expect(records.ssh).toEqual([
      { ts: 1600000001.5, uid: 'C2', auth_success: false, auth_attempts: 3, client: 'SSH-2.0-libssh' },
      { ts: 1600000002, uid: 'C3', auth_success: null, auth_attempts: 1, client: null },
    ]);
    expect(errors).toEqual([{ line: 11, code: 'zeek_bad_value', reason: 'field auth_success is not a bool (stored unset)' }]);
  });
});
