import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { formatHexAddress } from './hex-address.js';
import { parseNetTable, type SocketRow } from './net-table.js';

// Lines as Linux 6.x prints them (`cat /proc/net/tcp`, `/proc/net/tcp6`).
const TCP4 = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 632 1 000000007b4ebef7 100 0 0 10 0
   1: 0100007F:A1B2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 98765 1 0000000000000000 20 4 30 10 -1
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:0016 B80D0120000000000000000001000000:C350 01 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 20 4 30 10 -1
`;

/** Parses a table given as text. */
function parse(text: string, family: 4 | 6) {
  const rows: SocketRow[] = [];
  const weird = new WeirdCounter();
  const buf = Buffer.from(text);
  const count = parseNetTable(buf, buf.length, family, rows, weird);
  return { buf, rows: rows.slice(0, count), weird };
}

describe('parseNetTable', () => {
  it('reads ports, states, uids and inodes of IPv4 rows', () => {
    const { buf, rows } = parse(TCP4, 4);
    expect(rows.map((r) => [r.localPort, r.remotePort, r.state, r.uid, r.inode])).toEqual([[2024, 0, 10, 0, 632], [41394, 8080, 1, 1000, 98765]]);
    expect(formatHexAddress(buf, rows[1].localHex, 4, true)).toBe('127.0.0.1');
  });

  it('decodes IPv6 words in the host byte order the kernel printed', () => {
    const { buf, rows } = parse(TCP6, 6);
    expect(formatHexAddress(buf, rows[0].localHex, 6, true)).toBe('::1');
    expect(formatHexAddress(buf, rows[0].remoteHex, 6, true)).toBe('2001:db8::1');
    expect(rows[0]).toMatchObject({ localPort: 22, remotePort: 50000, inode: 4242 });
  });

  it('decodes the same address printed by a big-endian host', () => {
    const big = Buffer.from('7F000001 20010DB8000000000000000000000001');
    expect(formatHexAddress(big, 0, 4, false)).toBe('127.0.0.1');
    expect(formatHexAddress(big, 9, 6, false)).toBe('2001:db8::1');
  });

  it('counts a malformed line and keeps the rows around it', () => {
    const lines = TCP4.split('\n');
    const text = [lines[0], lines[1], '   9: 0100007F:ZZZZ garbage', lines[2], ''].join('\n');
    const { rows, weird } = parse(text, 4);
    expect(rows.map((r) => r.inode)).toEqual([632, 98765]);
    expect(weird.toJSON()).toEqual({ proc_net_malformed_line: 1 });
  });
});
