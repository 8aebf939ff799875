import { describe, expect, it } from 'vitest';
import { formatFlowTable } from './flow-table.js';

describe('formatFlowTable', () => {
  it('aligns columns and escapes hostile text', () => {
    const text = formatFlowTable([
      { ts: 1672843056.913119, uid: 'C1', proto: 'tcp', id_orig_h: '10.136.0.18', id_orig_p: 55548, id_resp_h: '10.136.0.16', id_resp_p: 3128, service: 'http\x1b[31m', conn_state: 'SF', duration: 0.084044, orig_bytes: 1030, resp_bytes: 20275, orig_pkts: 18, resp_pkts: 14 },
      { ts: 1672844485.675033, uid: 'C2', proto: 'icmp', id_orig_h: 'fe80::1', id_orig_p: 133, id_resp_h: 'ff02::2', id_resp_p: 134, service: null, conn_state: 'OTH', duration: null, orig_bytes: null, resp_bytes: null, orig_pkts: 1, resp_pkts: 0 },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('2023-01-04 14:37:36.913');
    expect(lines[1]).toContain('http\\x1b[31m');
    expect(text).not.toContain('\x1b');
    expect(lines[2]).toContain('[fe80::1]:133');
    expect(lines[0].indexOf('responder')).toBe(lines[1].indexOf('10.136.0.16'));
    expect(lines[1].endsWith('32')).toBe(true);
  });
});
