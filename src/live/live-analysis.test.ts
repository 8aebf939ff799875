import { describe, expect, it } from 'vitest';
import { readCapture } from '../capture/index.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { openStore } from '../store/duckdb.js';
import { corpus } from '../../test/helpers/corpus.js';
import { tshark, tsharkConversations } from '../../test/helpers/tshark.js';
import { LiveEventStream } from './event-stream.js';
import type { LiveEvent } from './events.js';
import { LiveAnalysis } from './live-analysis.js';
import { engineDetector } from './engine-hooks.js';
import { WINDOW_SECONDS } from './traffic-stats.js';

/** 1994 SYNs to 1000 ports of one host in 23 s, 17 replies (see the corpus MANIFEST). */
const SCAN = corpus('pcaps/scan/chrissanders_synscan.pcapng');

/** Sources by bytes in the seconds after `afterSecond`, as tshark counts them. */
function tsharkTalkers(file: string, afterSecond: number): { ip: string; packets: number; bytes: number }[] {
  const talkers = new Map<string, { ip: string; packets: number; bytes: number }>();
  for (const line of tshark(['-r', file, '-T', 'fields', '-e', 'frame.time_epoch', '-e', 'ip.src', '-e', 'frame.len']).trim().split('\n')) {
    const [ts, ip, len] = line.split('\t');
    if (Math.floor(Number(ts)) <= afterSecond || ip === '') continue;
    const t = talkers.get(ip) ?? { ip, packets: 0, bytes: 0 };
    t.packets++;
    t.bytes += Number(len);
    talkers.set(ip, t);
  }
  return [...talkers.values()].sort((a, b) => b.bytes - a.bytes);
}

describe('LiveAnalysis', () => {
  it('stores and publishes every connection, ticks stats and reports each new alert once', async () => {
    const store = await openStore(':memory:');
    const events = new LiveEventStream();
    const seen: LiveEvent[] = [];
    const reading = (async () => { for await (const ev of events.subscribe()) seen.push(ev); })();
    let detections = 0;
    const live = await LiveAnalysis.create({
      events, store, uidSeed: 'test', source: 'live:test',
      detector: async (s) => {
        detections++;
        const [{ n }] = await s.all('SELECT count(*) AS n FROM conn');
        return Number(n) > 0 ? [{ id: 'scan-1', severity: 'high', detector: 'port_scan' }] : [];
      },
    });
    const decoder = new PacketDecoder();
    const pkt = newDecodedPacket();
    const ticks: number[] = [];
    let lastTs = 0;
    await readCapture(SCAN, {
      packet: (raw) => {
        decoder.decode(raw, pkt);
        lastTs = raw.tsSec + raw.tsNsec / 1e9;
        live.packet(lastTs, raw, pkt);
        if (ticks.length === 0 || lastTs - ticks[ticks.length - 1] >= 1) ticks.push(lastTs);
      },
    });
    for (const t of ticks) await live.tick(t);
    const report = await live.finish(lastTs);
    events.end();
    await reading;
    const [{ n: stored }] = await store.all('SELECT count(*) AS n FROM conn');
    await store.close();

    expect(report.packets).toBe(2011);
    const conns = seen.filter((e) => e.type === 'conn');
    expect(conns).toHaveLength(report.records.conn);
    expect(Number(stored)).toBe(report.records.conn);
    // tshark counts each 4-tuple once; Tracer splits a reused tuple into new connections as Zeek does, never fewer.
    expect(report.records.conn).toBeGreaterThanOrEqual(tsharkConversations(SCAN, 'tcp').length);
    expect(seen.filter((e) => e.type === 'alert')).toEqual([{ type: 'alert', alert: { id: 'scan-1', severity: 'high', detector: 'port_scan' }, revision: 1 }]);
    expect(report.alerts).toBe(1);
    expect(detections).toBeGreaterThanOrEqual(2);
    const stats = seen.filter((e) => e.type === 'stats');
    expect(stats.length).toBe(ticks.length + 1);
    expect(stats.at(-1)).toMatchObject({ health: { eventsDropped: 0, windowDropped: 0, detectionErrors: 0 }, totalPackets: 2011, topTalkers: tsharkTalkers(SCAN, Math.floor(lastTs) - WINDOW_SECONDS) });
  });

  it('fires the detection engine on the live window: the scan alert is published and stored before the capture ends, then grows', async () => {
    const store = await openStore(':memory:');
    const events = new LiveEventStream();
    const alerts: LiveEvent[] = [];
    const reading = (async () => { for await (const ev of events.subscribe()) if (ev.type === 'alert') alerts.push(ev); })();
    const live = await LiveAnalysis.create({ events, store, uidSeed: 'test', source: 'live:test', detector: engineDetector, flow: { tcpInactivity: 5 } });
    const decoder = new PacketDecoder();
    const pkt = newDecodedPacket();
    const packets: [number, Parameters<typeof live.packet>[1]][] = [];
    await readCapture(SCAN, { packet: (raw) => { packets.push([raw.tsSec + raw.tsNsec / 1e9, { ...raw, data: Buffer.from(raw.data) }]); } });
    let next = packets[0][0];
    let storedBeforeEnd = 0;
    for (const [ts, raw] of packets) {
      decoder.decode(raw, pkt);
      live.packet(ts, raw, pkt);
      if (ts >= next) {
        await live.tick(ts);
        next = ts + 1;
        if (storedBeforeEnd === 0 && alerts.length > 0) storedBeforeEnd = Number((await store.all("SELECT count(*) AS n FROM alerts WHERE detector = 'port_scan'"))[0].n);
      }
    }
    const report = await live.finish(packets.at(-1)![0]);
    events.end();
    await reading;
    await store.close();
    expect(report.detectionErrors).toBe(0);
    expect(report.windowDropped).toBe(0);
    const scans = alerts.filter((e) => e.type === 'alert' && e.alert.detector === 'port_scan');
    expect(scans.length).toBeGreaterThanOrEqual(2);
    expect(scans.map((e) => e.type === 'alert' && e.revision)).toEqual(scans.map((_, i) => i + 1));
    expect(storedBeforeEnd).toBe(1);
  });

  it('ignores a clock tick that arrives while finish() runs (its detection run would query the window as it is freed)', async () => {
    const events = new LiveEventStream();
    const ticks: number[] = [];
    const reading = (async () => { for await (const ev of events.subscribe()) if (ev.type === 'stats') ticks.push(ev.ts); })();
    let detections = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const live = await LiveAnalysis.create({ events, uidSeed: 'test', source: 'live:test', detector: async () => { detections++; await gate; return []; } });
    const decoder = new PacketDecoder();
    const pkt = newDecodedPacket();
    let lastTs = 0;
    await readCapture(SCAN, { packet: (raw) => { lastTs = raw.tsSec + raw.tsNsec / 1e9; decoder.decode(raw, pkt); live.packet(lastTs, raw, pkt); } });
    const finishing = live.finish(lastTs);
    for (let i = 0; i < 500 && detections === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await live.tick(lastTs + 100);
    release();
    const report = await finishing;
    events.end();
    await reading;
    expect(detections).toBe(1);
    expect(report.detectionErrors).toBe(0);
    expect(ticks.map((ts) => Math.floor(ts - lastTs))).toEqual([0]);
  });

  it('runs no detection while no records arrive', async () => {
    const events = new LiveEventStream();
    let detections = 0;
    const live = await LiveAnalysis.create({ events, uidSeed: 'test', source: 'live:test', detector: async () => { detections++; return []; } });
    for (let t = 1; t <= 10; t++) await live.tick(1_700_000_000 + t);
    expect(detections).toBe(0);
    await live.finish(1_700_000_010);
    expect(detections).toBe(1); // the final run
    events.end();
  });
});
