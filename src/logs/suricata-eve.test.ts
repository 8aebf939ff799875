import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { suricataEveParser } from './suricata-eve.js';
import { countBy, parseFile, parseLines } from './testing/collect.js';

const BROKEN = corpus('suricata/surevego_eve_broken.json');

/** Line numbers of lines that are not JSON, as Python's json module finds them: the oracle. */
function pythonBrokenLines(path: string): number[] {
  const script = 'import json,sys\nfor i,l in enumerate(open(sys.argv[1],encoding="utf-8",errors="replace"),1):\n  try: json.loads(l)\n  except Exception: print(i)';
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n').map(Number);
}

describe.runIf(haveCorpus)('Suricata EVE', () => {
  it('reports the 10 broken lines of surevego_eve_broken.json (and the one with a garbage timestamp), keeping the rest', async () => {
    const { records, errors } = await parseFile(suricataEveParser({ file: 'eve.json' }), BROKEN);
    const json = errors.filter((e) => e.code === 'bad_json').map((e) => e.line);
    expect(json).toEqual(pythonBrokenLines(BROKEN));
    expect(json).toHaveLength(10);
    expect(errors.filter((e) => e.code !== 'bad_json')).toEqual([{ line: 2, code: 'eve_bad_timestamp', reason: 'timestamp missing or not ISO 8601' }]);
    // The intact file has dns 48, alert 68, http 68, flow 13: the corrupted lines were 3 dns and 1 http event.
    const intact = await parseFile(suricataEveParser({ file: 'eve.json' }), corpus('suricata/surevego_eve.json'));
    expect(Object.fromEntries(Object.entries(intact.records).map(([k, v]) => [k, v.length]))).toEqual({ dns: 48, suricata_alert: 68, http: 68, conn: 13 });
    expect(Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]))).toEqual({ dns: 45, suricata_alert: 68, http: 67, conn: 13 });
  });

  it('reads the Zeus project alerts with their -0500 times in UTC and exact flow ids', async () => {
    const { records, errors } = await parseFile(suricataEveParser({ file: 'eve.json' }), corpus('suricata/zeus-project_eve.json'));
    expect(errors).toEqual([]);
    expect(records.suricata_alert).toHaveLength(656);
    expect(records.conn).toHaveLength(205);
    const bySignature = countBy(records.suricata_alert, 'signature');
    expect(bySignature['SURICATA UDPv4 invalid checksum']).toBe(227);
    expect(bySignature['UDP Packet Detected']).toBe(199);
    expect(bySignature['Zeus SSDP Discovery Traffic Detected']).toBe(189);
    // First packet of the paired capture: 2024-12-18 00:17:54.565494 UTC.
    expect(records.suricata_alert?.[0]).toMatchObject({ ts: 1734481074.565494, flow_id: '739928877279099', src_ip: '192.168.37.130', dest_port: 53, proto: 'udp', signature_id: 100004, severity: 3 });
  });

  it('maps flow, dns, http and tls onto conn, dns, http and ssl with one uid per flow', () => {
    const base = '"timestamp":"2024-01-01T00:00:00.000001Z","flow_id":18446744073709551615,"src_ip":"10.0.0.1","src_port":5000,"dest_ip":"10.0.0.2","dest_port":443,"proto":"TCP"';
    const { records, errors } = parseLines(suricataEveParser({ file: 'eve.json' }), [
      `{${base},"event_type":"flow","app_proto":"tls","flow":{"pkts_toserver":3,"pkts_toclient":2,"bytes_toserver":300,"bytes_toclient":200,"start":"2024-01-01T00:00:00Z","end":"2024-01-01T00:00:01.5Z"}}`,
      `{${base},"event_type":"tls","tls":{"version":"TLS 1.3","sni":"example.org","ja3":{"hash":"abc"}}}`,
      `{${base},"event_type":"http","tx_id":0,"http":{"hostname":"h","url":"/x","http_method":"GET","protocol":"HTTP/1.1","status":200,"length":5}}`,
      `{${base},"event_type":"dns","dns":{"version":2,"type":"answer","id":7,"rrname":"Example.ORG","rrtype":"A","rcode":"NOERROR","answers":[{"rdata":"1.2.3.4","ttl":60}]}}`,
      `{${base},"event_type":"dns","dns":{"version":2,"type":"answer","id":8,"rrname":"b.example","rrtype":"A","rcode":"NOERROR","grouped":{"CNAME":["a.example"],"A":["5.6.7.8"]}}}`,
      `{${base},"event_type":"stats"}`,
    ]);
    expect(errors).toEqual([]);
    const uid = 'S18446744073709551615';
    expect(records.conn?.[0]).toMatchObject({ uid, ts: 1704067200, duration: 1.5, proto: 'tcp', service: 'tls', orig_pkts: 3, orig_ip_bytes: 300, resp_ip_bytes: 200 });
    expect(records.ssl?.[0]).toMatchObject({ uid, version: 'TLSv13', server_name: 'example.org', ja3: 'abc' });
    expect(records.http?.[0]).toMatchObject({ uid, trans_depth: 1, method: 'GET', host: 'h', uri: '/x', version: '1.1', status_code: 200, response_body_len: 5 });
    expect(records.dns?.[0]).toMatchObject({ uid, trans_id: 7, query: 'example.org', qtype_name: 'A', rcode_name: 'NOERROR', answers: ['1.2.3.4'], TTLs: [60] });
    expect(records.dns?.[1]).toMatchObject({ trans_id: 8, answers: ['a.example', '5.6.7.8'], TTLs: null });
  });
});
