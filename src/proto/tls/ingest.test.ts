import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { TLS_CAPTURES } from '../testing/captures.js';
import { ingestAndQuery } from '../testing/ingest-store.js';
import { tsharkRows } from '../testing/tshark-rows.js';

describe('ssl.log and x509.log through the whole ingest pipeline', () => {
  for (const file of TLS_CAPTURES) {
    it(file, async () => {
      const { ssl, x509 } = await ingestAndQuery(corpus(file), { ssl: 'SELECT ja3, server_name FROM ssl', x509: 'SELECT fingerprint FROM x509' });
      // 8080 carries TLS in the stopddos capture; tshark needs to be told (Tracer detects it by content).
      // A stream gets a record for its ClientHello, or for its ServerHello when only the server side was
      // captured (stopddos: ten connections from port 443); ja3 is then unset.
      const byStream = new Map<string, string>();
      for (const r of tsharkRows(corpus(file), 'tls.handshake.type == 1 || tls.handshake.type == 2', ['tcp.stream', 'tls.handshake.ja3', 'tls.handshake.extensions_server_name'], ['-d', 'tcp.port==8080,tls'])) {
        const stream = r['tcp.stream'][0];
        if (!byStream.has(stream) || byStream.get(stream) === 'null ') byStream.set(stream, `${r['tls.handshake.ja3'][0] ?? null} ${r['tls.handshake.extensions_server_name'][0] ?? ''}`);
      }
      // x509.log is de-duplicated as Zeek's: one row per certificate and role (first of its chain or not) within a day.
      const certs = new Set(tsharkRows(corpus(file), 'tls.handshake.type == 11', ['tls.handshake.certificate'])
        .flatMap((r) => r['tls.handshake.certificate'].map((hex, i) => `${i === 0}|${hex}`)));
      expect(ssl.map((r) => `${r.ja3} ${r.server_name ?? ''}`).sort())
        .toEqual([...byStream.values()].sort());
      expect(x509).toHaveLength(certs.size);
    });
  }
});
