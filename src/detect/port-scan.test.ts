import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { portScan } from './port-scan.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.port_scan;

/** `n` SYN probes from 10.0.0.66 to ports 1..n of 10.0.0.9, `gap` seconds apart; ports in `open` answer SYN-ACK. */
function synProbes(n: number, gap: number, open: number[] = []) {
  return Array.from({ length: n }, (_, i) => conn({
    ts: T0 + i * gap, uid: `P${i}`, id_orig_h: '10.0.0.66', id_resp_p: i + 1, orig_bytes: 0, resp_bytes: 0,
    history: open.includes(i + 1) ? 'ShR' : 'Sr', conn_state: open.includes(i + 1) ? 'RSTO' : 'REJ',
  }));
}

describe('port scan detector', () => {
  it('finds a vertical SYN scan with its open ports', async () => {
    const store = await storeWith({ conn: synProbes(20, 1, [22, 80].filter((p) => p <= 20).concat([3])) });
    const [alert, ...rest] = await runSqlDetector(store, portScan, params);
    expect(rest).toEqual([]);
    expect(alert.src).toBe('10.0.0.66');
    expect(alert.dst).toEqual(['10.0.0.9']);
    expect(alert.evidence).toMatchObject({ kind: 'vertical', scan_type: 'SYN', ports: 20, open_ports: [3], slow: false });
    expect(alert.explanation).toContain('20 ports');
    await store.close();
  });

  it('does not fire at 14 ports in 5 minutes (one under Zeek\'s 15)', async () => {
    const store = await storeWith({ conn: synProbes(14, 1) });
    expect(await runSqlDetector(store, portScan, params)).toEqual([]);
    await store.close();
  });

  it('finds a slow scan spread beyond the window once it reaches slow_min_ports', async () => {
    const store = await storeWith({ conn: synProbes(120, 60) });
    const [alert] = await runSqlDetector(store, portScan, params);
    expect(alert.evidence).toMatchObject({ slow: true, ports: 120 });
    await store.close();
  });

  it('finds a horizontal scan of one port across 30 hosts, but not ordinary sessions', async () => {
    const sweep = Array.from({ length: 30 }, (_, i) => conn({ ts: T0 + i, uid: `H${i}`, id_resp_h: `10.0.1.${i + 1}`, id_resp_p: 445, orig_bytes: 0, resp_bytes: 0, history: 'S', conn_state: 'S0' }));
    const sessions = Array.from({ length: 30 }, (_, i) => conn({ ts: T0 + i, uid: `W${i}`, id_orig_h: '10.0.0.7', id_resp_h: `10.0.2.${i + 1}` }));
    const store = await storeWith({ conn: [...sweep, ...sessions] });
    const alerts = await runSqlDetector(store, portScan, params);
    expect(alerts.map((a) => [a.src, a.evidence.kind, a.evidence.hosts])).toEqual([['10.0.0.5', 'horizontal', 30]]);
    await store.close();
  });

  it('finds an IP-protocol scan from the target\'s protocol-unreachable answers, not a handful of them', async () => {
    /** The target's ICMP type 3 code 2 answers to the scanner, as one Zeek-style ICMP record of `n` packets. */
    const unreachables = (n: number) => conn({
      uid: 'U1', proto: 'icmp', id_orig_h: '10.0.0.9', id_orig_p: 3, id_resp_h: '10.0.0.66', id_resp_p: 2, orig_pkts: n, resp_pkts: 0,
      orig_bytes: n * 28, resp_bytes: 0, history: null, conn_state: 'OTH',
    });
    const store = await storeWith({ conn: [unreachables(251)] });
    const [alert] = await runSqlDetector(store, portScan, params);
    expect(alert).toMatchObject({ src: '10.0.0.66', dst: ['10.0.0.9'], evidence: { kind: 'protocol', scan_type: 'IP-protocol', ports: 251 } });
    expect(alert.explanation).toMatch(/^10\.0\.0\.66 ran a vertical IP-protocol scan of 251 IP protocols on 10\.0\.0\.9/);
    await store.close();
    const few = await storeWith({ conn: [unreachables(3)] });
    expect(await runSqlDetector(few, portScan, params)).toEqual([]);
    await few.close();
  });
});
