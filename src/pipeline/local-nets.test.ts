import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { openExistingStore } from '../store/duckdb.js';
import { ingest } from './ingest.js';

const work = mkdtempSync(join(tmpdir(), 'tracer-local-nets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** ssh.log directions and conn local flags after ingesting Zeek's sshguess capture with `localNets`. */
async function sides(name: string, localNets?: string[]) {
  const dbPath = join(work, `${name}.duckdb`);
  await ingest({ dbPath, inputs: [corpus('pcaps/ssh-bruteforce/zeek_sshguess.pcap')], ...(localNets && { flow: { localNets } }) });
  const store = await openExistingStore(dbPath);
  const ssh = await store.all('SELECT DISTINCT direction FROM ssh');
  const conn = await store.all("SELECT DISTINCT local_orig, local_resp FROM conn WHERE id_resp_p = 22");
  await store.close();
  return { ssh: ssh.map((r) => r.direction), conn: conn.map((r) => [r.local_orig, r.local_resp]) };
}

describe.skipIf(!haveCorpus)('ingest --local-nets', () => {
  it('reaches the application layer: ssh direction follows the same networks as the connection records', async () => {
    expect(await sides('default')).toEqual({ ssh: [null], conn: [[true, true]] });
    expect(await sides('server-only', ['192.168.56.103/32'])).toEqual({ ssh: ['INBOUND'], conn: [[false, true]] });
  });
});
