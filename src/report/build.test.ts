import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { ATTACKER, C2, sampleAnalysis, sampleInput, VICTIM } from './testing/sample-analysis.js';

describe('buildReport', () => {
  const data = buildReport(sampleInput());

  it('summarises the sample in plain words: who attacked whom, when, what was compromised', () => {
    expect(data.summary.headline).toMatch(new RegExp(`^Between 2026-11-20 10:01:05 and .* UTC, ${ATTACKER.replace(/\./g, '\\.')} attacked ${VICTIM.replace(/\./g, '\\.')}\\. ${VICTIM.replace(/\./g, '\\.')} was compromised\\.`));
    expect(data.summary.severity).toBe('critical');
    expect(data.summary.c2).toContain(C2);
    expect(data.summary.alertCounts.high).toBe(4);
    expect(data.title).toBe(`Incident report: attack on ${VICTIM}`);
  });

  it('lists anomalies most severe first with ports, counts and their incident', () => {
    expect(data.anomalies.total).toBe(9);
    expect(data.anomalies.rows.map((r) => r.severity).slice(0, 4)).toEqual(['high', 'high', 'high', 'high']);
    const brute = data.anomalies.rows.find((r) => r.detector === 'brute_force')!;
    expect(brute).toMatchObject({ ports: [22], count: 53, incident: 'INC-1' });
    expect(brute.evidence).toContainEqual(['success', 'yes']);
  });

  it('explains each technique with its ATT&CK link and the weakness exploited', () => {
    const brute = data.patterns.find((p) => p.techniqueId === 'T1110')!;
    expect(brute.url).toBe('https://attack.mitre.org/techniques/T1110/');
    expect(brute.weaknesses[0]).toMatch(/^SSH password authentication on 10\.10\.0\.10 is reachable from the internet \(203\.0\.113\.66\) and accepted a guessed password after 53 attempts/);
    const scan = data.patterns.find((p) => p.techniqueId === 'T1046')!;
    expect(scan.weaknesses).toEqual([
      'Services on 10.10.0.10 (port 22, 80) answer anyone on the internet who scans for them.',
      'Flat internal network: nothing stopped 10.10.0.10 from probing 253 hosts on 1 port(s) (no segmentation or internal filtering).',
    ]);
  });

  it('places the map in columns by role along the attack path', () => {
    const x = Object.fromEntries(data.map.nodes.map((n) => [n.id, n.x]));
    expect(x[ATTACKER]).toBeLessThan(x[VICTIM]);
    expect(x[VICTIM]).toBeLessThan(x[C2]);
    expect(data.map.edges).toHaveLength(6);
  });

  it('caps the anomalies table and counts what it left out', () => {
    const analysis = sampleAnalysis();
    const base = analysis.alerts[0];
    analysis.alerts = Array.from({ length: 3000 }, (_, i) => ({ ...base, id: `a${i}`, score: (i % 100) / 100 }));
    const big = buildReport(sampleInput({ analysis }));
    expect(big.anomalies.total).toBe(3000);
    expect(big.anomalies.rows).toHaveLength(1000);
    expect(big.anomalies.rows[0].score).toBe(0.99);
  });

  it('caps incidents and timeline events for huge analyses, keeping the most severe', () => {
    const analysis = sampleAnalysis();
    const base = analysis.incidents[0];
    analysis.incidents = Array.from({ length: 300 }, (_, n) => ({ ...base, id: `INC-${n}`, timeline: Array.from({ length: 50 }, (_, k) => ({ ...base.timeline[k % 7], ts: base.start + k, severity: k === 49 ? 'critical' : 'low' })) }));
    const big = buildReport(sampleInput({ analysis }));
    expect(big.summary.incidents).toBe(300);
    expect(big.incidents).toHaveLength(100);
    expect(big.incidents.reduce((n, i) => n + i.timeline.length, 0)).toBe(2000);
    expect(big.incidents[0].timeline.at(-1)!.severity).toBe('critical');
    expect(big.incidents[0].timelineOmitted).toBe(30);
  });

  it('says plainly when nothing was found', () => {
    const analysis = { ...sampleAnalysis(), incidents: [], alerts: [] };
    const empty = buildReport(sampleInput({ analysis }));
    expect(empty.summary.headline).toBe('No attack was found in the traffic examined.');
    expect(empty.summary.severity).toBe('none');
    expect(empty.map.nodes).toEqual([]);
  });
});
