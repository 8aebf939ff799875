import { describe, expect, it } from 'vitest';
import { arpSpoof } from './arp-spoof.js';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { storeWith, T0 } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.arp_spoof;

/** An arp.log row: `mac` claims `ip`. */
function claim(ts: number, mac: string, ip: string, target = '10.0.0.7', operation = 2) {
  return { ts, operation, src_mac: mac, dst_mac: null, sender_mac: mac, sender_ip: ip, target_mac: '00:00:00:00:00:00', target_ip: target, gratuitous: ip === target };
}

describe('ARP spoofing detector', () => {
  it('flags the later MAC claiming the gateway address', async () => {
    const store = await storeWith({ arp: [claim(T0, '00:26:0b:31:07:33', '10.0.0.1'), claim(T0 + 60, '00:25:b3:bf:91:ee', '10.0.0.1')] });
    const [alert] = await runSqlDetector(store, arpSpoof, params);
    expect(alert.src).toBe('00:25:b3:bf:91:ee');
    expect(alert.severity).toBe('high');
    expect(alert.evidence).toMatchObject({ kind: 'ip_conflict', original_mac: '00:26:0b:31:07:33' });
    await store.close();
  });

  it('flags a gratuitous storm but not a single gratuitous announcement', async () => {
    const storm = Array.from({ length: 25 }, (_, i) => claim(T0 + i, '02:00:00:00:00:01', '10.0.0.9', '10.0.0.9'));
    const store = await storeWith({ arp: [...storm, claim(T0, '02:00:00:00:00:02', '10.0.0.10', '10.0.0.10')] });
    const alerts = await runSqlDetector(store, arpSpoof, params);
    expect(alerts.map((a) => [a.src, a.evidence.kind])).toEqual([['02:00:00:00:00:01', 'gratuitous_storm']]);
    await store.close();
  });

  it('stays quiet for stable bindings', async () => {
    const store = await storeWith({ arp: [claim(T0, '02:00:00:00:00:01', '10.0.0.1'), claim(T0 + 5, '02:00:00:00:00:01', '10.0.0.1'), claim(T0, '02:00:00:00:00:02', '10.0.0.2')] });
    expect(await runSqlDetector(store, arpSpoof, params)).toEqual([]);
    await store.close();
  });
});
