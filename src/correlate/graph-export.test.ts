import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphToDot, graphToGraphml, graphToMermaid } from './graph-export.js';
import type { AttackGraph } from './model.js';

/** A graph whose host names (from traffic: DNS names, log host names) are hostile. */
function graphWith(evil: string): AttackGraph {
  return {
    nodes: [
      { id: '203.0.113.66', role: 'attacker', internal: false, country: 'NL' },
      { id: evil, role: 'c2', internal: false },
      { id: '10.0.0.5', role: 'pivot', internal: true, compromised: 0.9 },
    ],
    edges: [
      { src: '203.0.113.66', dst: '10.0.0.5', kind: 'port_scan', tactic: 'reconnaissance', first: 1_767_225_600, last: 1_767_225_660, count: 1, summary: 'scan' },
      { src: '10.0.0.5', dst: evil, kind: 'beacon', tactic: 'command-and-control', first: 1_767_225_700, last: 1_767_229_000, count: 3, summary: `beacon to ${evil}` },
    ],
  };
}

const HOSTILE = 'evil"];\n x -> y [label="<script>alert(1)</script>&\\ ]"';

/** Runs a tool on stdin; null when it is not installed. */
function tool(cmd: string, args: string[], input: string): { status: number | null; stdout: string; stderr: string } | null {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  return r.error ? null : r;
}

describe('graph exports', () => {
  it('DOT: Graphviz lays it out, the hostile name stays one node', () => {
    const dot = graphToDot(graphWith(HOSTILE));
    const r = tool('dot', ['-Tjson'], dot);
    if (r === null) throw new Error('graphviz (dot) is not installed; .ci/run installs it');
    expect(r.stderr).toBe('');
    const laid = JSON.parse(r.stdout) as { objects: { name: string }[]; edges: unknown[] };
    expect(laid.objects.map((o) => o.name).sort()).toEqual(['10.0.0.5', '203.0.113.66', HOSTILE.replace(/\n/g, ' ').replace(/\\/g, '\u29f5')].sort());
    expect(laid.edges).toHaveLength(2);
  });

  it('GraphML: well-formed XML, the hostile name as text', () => {
    const xml = graphToGraphml(graphWith(HOSTILE));
    const r = tool('xmllint', ['--noout', '-'], xml);
    if (r === null) throw new Error('xmllint is not installed; .ci/run installs libxml2-utils');
    expect(r.status).toBe(0);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('<data key="compromised">0.9</data>');
  });

  it('Mermaid: labels cannot close their quotes or brackets', () => {
    fc.assert(fc.property(fc.string(), (evil) => {
      const text = graphToMermaid(graphWith(evil));
      const labels = [...text.matchAll(/\["([^"]*)"\]|\|"([^"]*)"\|/g)];
      expect(labels).toHaveLength(5);
      for (const line of text.split('\n').slice(1, 4)) expect(line).toMatch(/^ {2}n\d\["[^"\]\[]*"\]:::\w+$/);
    }));
  });

  it('DOT and GraphML survive any host name', () => {
    fc.assert(fc.property(fc.string(), (evil) => {
      const dot = graphToDot(graphWith(evil));
      expect(dot.split('\n')).toHaveLength(10);
      for (const quoted of dot.matchAll(/"((?:[^"\\]|\\")*)"/g)) expect(quoted[1]).not.toMatch(/\\(?!")/);
      expect(graphToGraphml(graphWith(evil))).not.toMatch(/<(?!\/?(graphml|key|graph|node|edge|data)\b|\?xml)/);
    }));
  });
});
