import { describe, expect, it } from 'vitest';
import { buildIndex } from '../index/build-index.js';
import { IntelIndex } from '../index/intel-index.js';
import { IntelMetrics } from '../metrics.js';
import { createIntelApi } from './api.js';
import { serveFetch } from './node-adapter.js';

const index = new IntelIndex(buildIndex([{
  options: { name: 'demo', parentDomains: true, allowlist: false },
  indicators: [
    { kind: 'ip', value: '203.0.113.0/24', context: { actor: 'x' }, validFrom: 0, validUntil: 0 },
    { kind: 'domain', value: 'evil.example', context: {}, validFrom: 0, validUntil: 0 },
  ],
  problems: [],
}]).sections);
const context = { holder: { current: { indexes: [index], records: index.size } }, metrics: new IntelMetrics(), now: () => 0 };
const api = createIntelApi(context);
const post = (body: string) => api(new Request('http://local/api/v1/lookup', { method: 'POST', body }));

describe('intel HTTP API (in memory)', () => {
  it('looks up a batch', async () => {
    const response = await post(JSON.stringify({ ips: ['203.0.113.9', '192.0.2.1'], domains: ['a.evil.example'] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ matches: [
      { category: 'demo', indicator: '203.0.113.0/24', observed: '203.0.113.9', kind: 'ip', context: { actor: 'x' } },
      { category: 'demo', indicator: 'evil.example', observed: 'a.evil.example', kind: 'domain', context: {} },
    ] });
  });
  it('rejects bad bodies with a one-line reason', async () => {
    expect((await post('{"ips": "1.2.3.4"}')).status).toBe(400);
    expect(await (await post('{oops')).json()).toEqual({ error: expect.stringMatching(/^invalid JSON body/) });
    expect((await post(JSON.stringify({ ips: Array(10_001).fill('1.1.1.1') }))).status).toBe(413);
    expect((await api(new Request('http://local/api/v1/lookup'))).status).toBe(405);
    expect((await api(new Request('http://local/nope'))).status).toBe(404);
  });
  it('serves health and Prometheus metrics', async () => {
    expect(await (await api(new Request('http://local/healthz'))).json()).toEqual({ status: 'ok', indexes: 1, records: 2 });
    const metrics = await (await api(new Request('http://local/metrics'))).text();
    expect(metrics).toMatch(/^# HELP tracer_intel_connections_open /);
    expect(metrics).toMatch(/\ntracer_intel_matches_total [1-9]\d*\n/);
  });
  it('works the same through node:http on loopback, refusing oversized bodies', async () => {
    const { server, address } = await serveFetch(api);
    try {
      expect(address.address).toBe('127.0.0.1');
      const base = `http://127.0.0.1:${address.port}`;
      const ok = await fetch(`${base}/api/v1/lookup`, { method: 'POST', body: JSON.stringify({ domains: ['evil.example'] }) });
      expect((await ok.json()).matches).toHaveLength(1);
      const big = await fetch(`${base}/api/v1/lookup`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) }).catch(() => null);
      expect(big === null || big.status === 413).toBe(true);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
