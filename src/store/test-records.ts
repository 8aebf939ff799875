import type { LogRecord } from './schema/types.js';

/**
 * A conn record with every field set, varied by `i` (test data for store and
 * export tests; values are chosen for coverage, not taken from traffic).
 */
export function sampleConn(i: number): LogRecord {
  return {
    ts: 1_600_000_000 + i * 0.25, uid: `C${String(i).padStart(6, '0')}`,
    id_orig_h: `10.0.${i & 255}.1`, id_orig_p: 40_000 + (i % 1000), id_resp_h: i % 2 ? '2001:db8::1' : '192.168.1.25', id_resp_p: i % 3 ? 80 : 53,
    proto: i % 3 ? 'tcp' : 'udp', service: i % 3 ? 'http' : 'dns', duration: i * 0.001,
    orig_bytes: i * 10, resp_bytes: i * 100, conn_state: i % 5 ? 'SF' : 'S0', local_orig: true, local_resp: false,
    missed_bytes: 0, history: 'ShADadFf', orig_pkts: i + 1, orig_ip_bytes: (i + 1) * 60, resp_pkts: i, resp_ip_bytes: i * 160,
    vlan: i % 7 ? null : 10, inner_vlan: null, orig_l2_addr: '00:11:22:33:44:55', resp_l2_addr: '66:77:88:99:aa:bb',
    community_id: '1:abc=', open_at_end: false,
    bursts: i % 50 ? null : [0, 1.5, 3.25], burst_bytes: i % 50 ? null : [120, 60, 64],
  };
}
