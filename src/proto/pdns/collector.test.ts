import { expect, it } from 'vitest';
import { recordingContext } from '../recording-context.js';
import { PassiveDnsCollector } from './collector.js';

it('maps an address to the owner of its record and to the name asked for at the head of a CNAME chain, counting repeats', () => {
  const ctx = recordingContext('Cpdns', 'udp');
  const pdns = new PassiveDnsCollector(ctx);
  pdns.observe('www.example.com', ['edge.cdn.net', 'edge.cdn.net'], ['192.0.2.1', '2001:db8::1'], 10);
  pdns.observe('www.example.com', ['edge.cdn.net'], ['192.0.2.1'], 20);
  pdns.observe('', ['edge.cdn.net'], ['192.0.2.1'], 30);
  pdns.flush();
  expect(ctx.stream('pdns').map((r) => [r.answer, r.query, r.first_seen, r.last_seen, r.count])).toEqual([
    ['192.0.2.1', 'edge.cdn.net', 10, 30, 3],
    ['192.0.2.1', 'www.example.com', 10, 20, 2],
    ['2001:db8::1', 'edge.cdn.net', 10, 10, 1],
    ['2001:db8::1', 'www.example.com', 10, 10, 1],
  ]);
  pdns.flush();
  expect(ctx.stream('pdns')).toHaveLength(4);
});
