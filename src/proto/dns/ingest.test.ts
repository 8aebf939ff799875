import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { DNS_CAPTURES } from '../testing/captures.js';
import { ingestAndQuery } from '../testing/ingest-store.js';
import { tsharkRows } from '../testing/tshark-rows.js';

describe('dns.log through the whole ingest pipeline', () => {
  for (const file of DNS_CAPTURES) {
    it(file, async () => {
      const { dns, conns } = await ingestAndQuery(corpus(file), {
        dns: 'SELECT query FROM dns', conns: "SELECT DISTINCT service FROM conn WHERE id_resp_p = 53 AND proto = 'udp'",
      });
      const names = tsharkRows(corpus(file), 'dns && udp.payload', ['dns.qry.name']).map((r) => r['dns.qry.name'][0] ?? '');
      // Names with bytes outside ASCII render differently (tshark U+FFFD, we \xNN) and names past
      // 255 octets are refused by both (tshark <Name too long>, we: no query): both compared in message.test.ts.
      const readable = (n: string) => /^[\x20-\x7e]+$/.test(n) && !n.includes('\\x') && n !== '<Name too long>';
      expect(new Set(dns.map((r) => String(r.query ?? '')).filter(readable))).toEqual(new Set(names.filter(readable).map((n) => n.toLowerCase())));
      expect(conns.map((c) => c.service)).toEqual(['dns']);
    });
  }

  it('fills the pdns table from A answers', async () => {
    const { pdns } = await ingestAndQuery(corpus('pcaps/malformed/zeek_dns-corrupt.pcap'), { pdns: 'SELECT answer, query, count FROM pdns ORDER BY answer' });
    expect(pdns).toEqual([{ answer: '192.0.78.150', query: 'zeek.org', count: 1 }, { answer: '192.0.78.212', query: 'zeek.org', count: 1 }]);
  });
});
