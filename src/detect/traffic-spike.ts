import { count, type SqlDetector } from './sql-detector.js';

/** Minutes whose connections, packets, bytes or one protocol's connections jump far above the store's robust baseline. */
export const trafficSpike: SqlDetector = {
  name: 'traffic_spike',
  file: 'traffic-spike',
  attack: { tactic: 'Impact', techniqueId: 'T1498', technique: 'Network Denial of Service' },
  describe(row) {
    const detail = row.detail as Array<{ measure: string; amount: number; median: number }>;
    const what = detail.map((d) => `${count(d.amount)} ${d.measure} (median ${count(d.median)})`).join(', ');
    const talker = `${row.new_talker ? 'new ' : ''}top talker ${row.src} (${count(row.talker_connections)} connections to ${count(row.talker_peers)} peers)`;
    return {
      severity: Number(row.ratio) >= 20 ? 'low' : 'info',
      explanation: `The minute at ${new Date(Number(row.first_seen) * 1000).toISOString()} saw ${what}: ${Number(row.ratio).toFixed(1)}× the usual; ${talker}.`,
      evidence: { measures: row.spiking, ratio: row.ratio, detail, talker_connections: row.talker_connections, talker_peers: row.talker_peers, new_talker: row.new_talker },
    };
  },
};
