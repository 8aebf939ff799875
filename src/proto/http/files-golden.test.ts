import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../../test/helpers/corpus.js';
import { replayTcp } from '../tshark-replay.js';
import { httpFactory } from './index.js';

/** Captures whose HTTP bodies tshark exports (`--export-objects http`, gzip decoded as Zeek does). */
const CAPTURES = [
  'pcaps/c2/chrissanders_cryptowall4_c2.pcapng',
  'pcaps/c2/elcabezzonn_Empire_http_c2.pcap',
  'pcaps/http-attack/chrissanders_http_dvwa_directorytraversal.pcapng',
  'pcaps/http-attack/chrissanders_http_dvwa_sqlinjection.pcapng',
  'pcaps/http-attack/chrissanders_http_dvwa_sqlinjection_passwords.pcapng',
  'pcaps/ipv6/chrissanders_http_ip4and6.pcapng',
];

/** MD5 of every object tshark exports from `pcap`. */
function tsharkObjectHashes(pcap: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-objects-'));
  try {
    execFileSync('tshark', ['-r', pcap, '-q', '--export-objects', `http,${dir}`], { stdio: 'ignore' });
    return readdirSync(dir).map((name) => createHash('md5').update(readFileSync(join(dir, name))).digest('hex')).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!haveCorpus)('files.log hashes against tshark exported HTTP objects', () => {
  for (const file of CAPTURES) {
    it(file, () => {
      const pcap = corpus(file);
      const files = replayTcp(pcap, httpFactory).flatMap((c) => c.stream('files'));
      // Explained difference: a body with a capture gap (Empire stream 41) has no hash; tshark exports nothing for it.
      const complete = files.filter((f) => f.missing_bytes === 0);
      expect(complete.map((f) => String(f.md5)).sort()).toEqual(tsharkObjectHashes(pcap));
      expect(files.length - complete.length).toBe(file.includes('Empire') ? 1 : 0);
      expect(files.every((f) => f.parent_fuid === null)).toBe(true);
    });
  }

  it('local_orig: the DVWA server (10.2.2.104, a private address) sends every body, so every file is local', () => {
    const files = replayTcp(corpus(CAPTURES[3]), httpFactory).flatMap((c) => c.stream('files'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => [f.id_resp_h, f.is_orig, f.local_orig])).toEqual(files.map(() => ['10.2.2.104', false, true]));
  });
});
