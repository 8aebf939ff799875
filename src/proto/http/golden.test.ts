import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../../test/helpers/corpus.js';
import { replayTcp } from '../tshark-replay.js';
import { tsharkFields } from '../tshark-fields.js';
import { httpFactory } from './index.js';

/** Every corpus capture with clear-text HTTP/1.x. */
const CAPTURES = [
  'pcaps/misc/zeek_wikipedia_http.pcap',
  'pcaps/ipv6/chrissanders_http_ip4and6.pcapng',
  'pcaps/http-attack/chrissanders_http_dvwa_directorytraversal.pcapng',
  'pcaps/http-attack/chrissanders_http_dvwa_sqlinjection.pcapng',
  'pcaps/http-attack/chrissanders_http_dvwa_sqlinjection_passwords.pcapng',
  'pcaps/c2/chrissanders_cryptowall4_c2.pcapng',
  'pcaps/c2/elcabezzonn_Empire_http_c2.pcap',
  'pcaps/linktypes/zeek_nflog-http.pcap',
  'pcaps/vlan/zeek_http-vlan-0.pcap',
];

/**
 * Differences that remain, explained: tshark does not dissect a response whose
 * body has a capture gap (stream 41 of the Empire capture misses 842 bytes);
 * Tracer logs that response, with the gap counted as missing bytes.
 */
const EXTRA_RESPONSES: Record<string, string[][]> = {
  'pcaps/c2/elcabezzonn_Empire_http_c2.pcap': [['41', '200']],
};

const sorted = (rows: string[][]) => rows.map((r) => r.join(' | ')).sort();

describe.skipIf(!haveCorpus)('HTTP golden tests against tshark', () => {
  for (const file of CAPTURES) {
    it(file, () => {
      const pcap = corpus(file);
      const contexts = replayTcp(pcap, httpFactory);
      const http = contexts.flatMap((c) => c.stream('http'));
      const requests = tsharkFields(pcap, ['tcp.stream', 'http.request.method', 'http.request.uri', 'http.host', 'http.user_agent'], 'http.request');
      const ours = http.filter((r) => r.method !== null).map((r) => [String(r.uid).slice(1), r.method, r.uri, r.host ?? '', r.user_agent ?? ''].map(String));
      expect(sorted(ours)).toEqual(sorted(requests));
      const responses = [...tsharkFields(pcap, ['tcp.stream', 'http.response.code'], 'http.response'), ...(EXTRA_RESPONSES[file] ?? [])];
      const ourCodes = http.flatMap((r) => [r.info_code, r.status_code].filter((c) => c !== null).map((c) => [String(r.uid).slice(1), String(c)]));
      expect(sorted(ourCodes)).toEqual(sorted(responses));
      expect(contexts.flatMap((c) => c.weirds).filter((w) => w.startsWith('http_'))).toEqual([]);
      // URI_SQLI exactly on the DVWA injection requests (all of /sqli/?id=…); every other request keeps an empty tag set.
      expect(http.map((r) => [r.uri, r.tags])).toEqual(http.map((r) => [r.uri, String(r.uri).includes('/sqli/?id=') ? ['URI_SQLI'] : []]));
    });
  }
});
