import { describe, expect, it } from 'vitest';
import { parseTcpdumpStats } from './drop-stats.js';

describe('parseTcpdumpStats', () => {
  it('reads the counters tcpdump prints when it stops', () => {
    const stderr = 'tcpdump: listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n' +
      '1201 packets captured\n1305 packets received by filter\n104 packets dropped by kernel\n';
    expect(parseTcpdumpStats(stderr)).toEqual({ captured: 1201, receivedByFilter: 1305, droppedByKernel: 104, droppedByInterface: 0 });
  });

  it('reads the singular form and the interface counter', () => {
    expect(parseTcpdumpStats('1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\n7 packets dropped by interface\n'))
      .toEqual({ captured: 1, receivedByFilter: 1, droppedByKernel: 0, droppedByInterface: 7 });
  });

  it('is null when tcpdump printed no counters', () => {
    expect(parseTcpdumpStats('tcpdump: nosuch0: No such device exists\n(No such device exists)\n')).toBeNull();
  });
});
