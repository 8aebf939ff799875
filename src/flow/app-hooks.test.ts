import { describe, expect, it } from 'vitest';
import { newRawPacket } from '../capture/packet.js';
import type { AppHooks } from './app-hooks.js';
import type { ConnRecord } from './conn-record.js';
import { FlowTable } from './table.js';
import type { Conn } from './conn.js';
import { icmp, tcp, track, udp } from './testing/crafted.js';

/** Records every hook call as text. */
function recorder(): AppHooks & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    onPacket(conn: Conn, isOrig: boolean, pkt, ts) {
      conn.appState = (conn.appState as number | undefined ?? 0) + 1;
      if (pkt.payloadLength === 3) conn.addService('demo');
      calls.push(`packet ${conn.proto} ${isOrig ? 'orig' : 'resp'} ${pkt.payloadLength} @${ts}`);
    },
    onEnd(conn: Conn, ts) {
      calls.push(`end ${conn.proto} after ${String(conn.appState)} @${ts}`);
    },
  };
}

describe('FlowTable application hooks', () => {
  it('offers TCP and UDP packets with payload (with the direction after any flip), then ends each connection once', () => {
    const hooks = recorder();
    const C = '10.0.0.1:40000', S = '10.0.0.2:80';
    const { records } = track([
      [0, tcp(C, S, 'S', 1, 0)], [0.1, tcp(S, C, 'SA', 9, 2)], [0.2, tcp(C, S, 'PA', 2, 10, 3)], [0.3, tcp(S, C, 'PA', 10, 5, 7)],
      [1, udp('8.8.8.8:53', '10.0.0.1:5000', 12)], [2, icmp('10.0.0.1', '8.8.8.8', 8, 0)],
    ], { analyzers: hooks });
    expect(hooks.calls).toEqual([
      'packet 6 orig 3 @0.2', 'packet 6 resp 7 @0.3', 'packet 17 resp 12 @1',
      'end 6 after 2 @2', 'end 17 after 1 @2', 'end 1 after undefined @2',
    ]);
    expect(records.find((r) => r.proto === 'tcp')?.service).toBe('demo');
  });

  it('keeps the table consistent when a hook throws', () => {
    const hooks: AppHooks = { onPacket() { throw new Error('analyzer bug'); }, onEnd() {} };
    const records: ConnRecord[] = [];
    const table = new FlowTable({ onConn: (rec) => records.push(rec), analyzers: hooks });
    expect(() => table.add(0, newRawPacket(), tcp('10.0.0.1:40000', '10.0.0.2:80', 'PA', 1, 1, 5))).toThrow('analyzer bug');
    table.flush(1);
    expect(records).toHaveLength(1);
    expect(table.stats()).toMatchObject({ active: 0, flushed: 1, packets: 1 });
  });
});
