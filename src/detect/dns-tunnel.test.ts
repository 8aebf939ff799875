import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { dnsTunnel } from './dns-tunnel.js';
import { registeredDomain } from '../proto/dns/registered-domain.js';
import { runSqlDetector } from './sql-detector.js';
import { storeWith, T0 } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.dns_tunnel;

/** A dns.log row from 10.0.0.5 to the resolver 10.0.0.53, with the registered domain as ingest records it (or as an older store lacks it). */
function query(i: number, name: string, qtype: number, withDomain = true) {
  return {
    ts: T0 + i, uid: `D${i}`, id_orig_h: '10.0.0.5', id_orig_p: 40000 + i, id_resp_h: '10.0.0.53', id_resp_p: 53, proto: 'udp', query: name, qtype,
    registered_domain: withDomain ? registeredDomain(name) : null,
  };
}

/** Hex text of `n` characters derived from `seed` (looks like tunnel payload). */
function hex(seed: number, n: number): string {
  let s = '';
  for (let x = seed * 2654435761; s.length < n; x = (x * 1103515245 + 12345) % 2 ** 31) s += (x % 16).toString(16);
  return s;
}

describe('DNS tunnel detector', () => {
  it('catches a short TXT tunnel by label length under a registered domain, public-suffix aware', async () => {
    const store = await storeWith({ dns: Array.from({ length: 12 }, (_, i) => query(i, `${hex(i + 1, 50)}.t.evil.co.uk`, 16)) });
    const [alert] = await runSqlDetector(store, dnsTunnel, params);
    expect(alert.dst).toEqual(['evil.co.uk']);
    expect(alert.evidence).toMatchObject({ queries: 12, unique_names: 12, odd_type_queries: 12 });
    await store.close();
  });

  it('groups under the full Public Suffix List (wildcard rules and the private section too), and by two labels in stores without registered_domain', async () => {
    const names = (suffix: string) => Array.from({ length: 12 }, (_, i) => `${hex(i + 1, 50)}.t.${suffix}`);
    const store = await storeWith({ dns: [...names('tun.evil.ck'), ...names('attacker.github.io')].map((n, i) => query(i, n, 16)) });
    expect((await runSqlDetector(store, dnsTunnel, params)).map((a) => a.dst[0]).sort()).toEqual(['attacker.github.io', 'tun.evil.ck']);
    await store.close();
    const old = await storeWith({ dns: names('evil.example.com').map((n, i) => query(i, n, 16, false)) });
    expect((await runSqlDetector(old, dnsTunnel, params)).map((a) => a.dst[0])).toEqual(['example.com']);
    await old.close();
  });

  it('catches 150 unique A-record subdomains (RITA bucket) and rates it medium', async () => {
    const store = await storeWith({ dns: Array.from({ length: 150 }, (_, i) => query(i, `x${i}.data.example.com`, 1)) });
    const [alert] = await runSqlDetector(store, dnsTunnel, params);
    expect(alert.severity).toBe('medium');
    expect(alert.evidence).toMatchObject({ domain: 'example.com', unique_names: 150 });
    await store.close();
  });

  it('ignores ordinary lookups: few names, short labels, A/AAAA', async () => {
    const names = ['www.example.com', 'mail.example.com', 'api.example.com', 'cdn.example.com'];
    const store = await storeWith({ dns: Array.from({ length: 40 }, (_, i) => query(i, names[i % 4], i % 2 ? 1 : 28)) });
    expect(await runSqlDetector(store, dnsTunnel, params)).toEqual([]);
    await store.close();
  });
});
