import { describe, expect, it } from 'vitest';
import { inUse } from './sockstat.js';

// As Linux 6.x prints /proc/net/sockstat and /proc/net/sockstat6.
const SOCKSTAT = 'sockets: used 31\nTCP: inuse 3 orphan 0 tw 2507 alloc 3 mem 109\nUDP: inuse 0 mem 0\nUDPLITE: inuse 0\nRAW: inuse 0\n';
const SOCKSTAT6 = 'TCP6: inuse 12\nUDP6: inuse 2\nUDPLITE6: inuse 0\nRAW6: inuse 0\nFRAG6: inuse 0 memory 0\n';

describe('inUse', () => {
  it('reads the inuse count of each protocol line', () => {
    expect([inUse(SOCKSTAT, 'TCP'), inUse(SOCKSTAT, 'UDP'), inUse(SOCKSTAT6, 'TCP6'), inUse(SOCKSTAT6, 'UDP6')]).toEqual([3, 0, 12, 2]);
  });

  it('gives -1 (unknown, so the table is read) for a missing or malformed line', () => {
    expect([inUse('', 'TCP'), inUse(SOCKSTAT6, 'TCP'), inUse('TCP: inuse x\n', 'TCP'), inUse('XTCP: inuse 0\n', 'TCP')]).toEqual([-1, -1, -1, -1]);
  });
});
