import { describe, expect, it } from 'vitest';
import { EVAL_CASES } from '../../eval/cases.js';
import { evaluateCase, summarize, type EvalRow } from '../../eval/evaluate.js';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';

/** One capture per detector family (small files), plus a benign capture; `npm run eval` runs them all. */
const SUBSET = [
  'pcaps/scan/evilfingers_nmap_NULL_SCAN.pcap', 'pcaps/scan/evilfingers_nmap_IP_PROTOCOL_SCAN.pcap', 'pcaps/ssh-bruteforce/zeek_sshguess.pcap', 'pcaps/misc/zeek_ftp_bruteforce.pcap',
  'pcaps/dns-tunnel/dmachard_iodine.pcap', 'pcaps/http-attack/chrissanders_http_dvwa_sqlinjection.pcapng',
  'pcaps/misc/chrissanders_arppoison.pcapng', 'pcaps/exploit/honeynet_fc2010_attack-trace.pcap', 'pcaps/misc/zeek_wikipedia_http.pcap',
  'pcaps/c2/chrissanders_ratinfected.pcapng', 'pcaps/c2/elcabezzonn_Empire_http_c2.pcap', 'pcaps/c2/chrissanders_cryptowall4_c2.pcapng', 'pcaps/c2/zeek_merlinc2_quic.pcapng',
];

describe.skipIf(!haveCorpus)('detection on corpus captures with known content', () => {
  it('finds every expected attack with the right parties and nothing above low on benign traffic', async () => {
    const rows: EvalRow[] = [];
    for (const capture of SUBSET) {
      const c = EVAL_CASES.find((e) => e.capture === capture)!;
      rows.push(...(await evaluateCase(c, corpus(capture))));
    }
    expect(rows.filter((r) => r.detector && !(r.fired && r.rightParties)).map((r) => r.capture)).toEqual([]);
    expect(summarize(rows)).toEqual({ expected: 12, detected: 12, recall: 1, falsePositives: 0 });
  });
});
