import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode/testing/frames.js';
import type { LogRecord } from '../store/schema/types.js';
import { ArpLog } from './arp-log.js';

// tcpdump: ARP, Reply 172.16.0.1 is-at 00:25:b3:bf:91:ee, length 28 (to 00:21:70:c0:56:f0)
const POISON_REPLY = '002170c056f0 0025b3bf91ee 0806 0001 0800 06 04 0002 0025b3bf91ee ac100001 002170c056f0 ac10006b';
// tcpdump: ARP, Request who-has 10.0.0.9 tell 10.0.0.9 (gratuitous)
const GRATUITOUS = 'ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 0a000009 000000000000 0a000009';

/** Records appended through an ArpLog, copied as the store's appender copies values. */
function logged(frames: string[]): LogRecord[] {
  const out: LogRecord[] = [];
  const log = new ArpLog({ append: (r) => out.push({ ...r }) });
  frames.forEach((f, i) => log.add(100 + i, decodeFrame(f)));
  return out;
}

describe('ArpLog', () => {
  it('records the claimed binding of a reply', () => {
    expect(logged([POISON_REPLY])).toEqual([{
      ts: 100, operation: 2, src_mac: '00:25:b3:bf:91:ee', dst_mac: '00:21:70:c0:56:f0', sender_mac: '00:25:b3:bf:91:ee', sender_ip: '172.16.0.1',
      target_mac: '00:21:70:c0:56:f0', target_ip: '172.16.0.107', gratuitous: false,
    }]);
  });

  it('marks gratuitous ARP and ignores non-ARP and truncated ARP frames', () => {
    const ipv4 = '020000000002 020000000001 0800 4500001c000100004011f9d70a0000010a000002 d4310035000800000000';
    const truncated = 'ffffffffffff 020000000001 0806 0001 0800 06 04 0001 0200';
    const rows = logged([ipv4, truncated, GRATUITOUS]);
    expect(rows.map((r) => [r.ts, r.operation, r.gratuitous])).toEqual([[102, 1, true]]);
  });
});
