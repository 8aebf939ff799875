import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { TLS_CAPTURES } from '../testing/captures.js';
import { replayTcp } from '../tshark-replay.js';
import { createTlsFactory } from './index.js';
import { X509LogDedup } from './x509-dedup.js';

const DAY = 86400;

describe('X509LogDedup (Zeek relog_known_certificates_after)', () => {
  it('logs a certificate once per role and again after the relog interval', () => {
    const dedup = new X509LogDedup();
    expect(dedup.shouldLog('aa', true, false, 100)).toBe(true);
    expect(dedup.shouldLog('aa', true, false, 200)).toBe(false);
    expect(dedup.shouldLog('aa', false, false, 200)).toBe(true); // same certificate as a chain member: another role
    expect(dedup.shouldLog('aa', true, true, 200)).toBe(true); // sent by a client
    expect(dedup.shouldLog('aa', true, false, 100 + DAY - 1)).toBe(false);
    expect(dedup.shouldLog('aa', true, false, 100 + DAY)).toBe(true);
    expect(dedup.shouldLog('aa', true, false, 101 + DAY)).toBe(false);
  });

  it('logs everything with a zero interval and refuses a negative one', () => {
    const dedup = new X509LogDedup(0);
    expect([1, 2, 3].map((ts) => dedup.shouldLog('aa', true, false, ts))).toEqual([true, true, true]);
    expect(() => new X509LogDedup(-1)).toThrow(/relog interval of -1s/);
  });

  it('on the Empire capture, repeated server chains are logged once while every ssl.log record keeps its chain', () => {
    const file = corpus(TLS_CAPTURES[6]);
    const all = replayTcp(file, createTlsFactory({ x509RelogAfter: 0 }));
    const deduped = replayTcp(file, createTlsFactory());
    const rows = (contexts: typeof all) => contexts.flatMap((c) => c.stream('x509'));
    const distinct = new Set(rows(all).map((r) => `${r.fingerprint}|${r.host_cert}|${r.client_cert}`));
    expect(rows(all).length).toBeGreaterThan(distinct.size);
    expect(rows(deduped).map((r) => `${r.fingerprint}|${r.host_cert}|${r.client_cert}`)).toEqual([...distinct]);
    expect(deduped.flatMap((c) => c.stream('ssl').map((r) => r.cert_chain_fps))).toEqual(all.flatMap((c) => c.stream('ssl').map((r) => r.cert_chain_fps)));
  });
});
