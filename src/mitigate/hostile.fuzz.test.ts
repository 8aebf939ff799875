import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../correlate/model.js';
import { parseAnalysis, planMitigations } from './index.js';
import type { MitigationPlan } from './model.js';
import { renderPlan } from './render.js';
import { fixtureAnalysis } from './testing/fixtures.js';
import { checkWith, hasTool } from './testing/tools.js';

/** Payloads an attacker can put in names, URIs, user names and log lines; each carries the marker zzq. */
const PAYLOADS = [
  '203.0.113.66"; zzq', '203.0.113.66\n-A INPUT -j ACCEPT zzq', 'evil.example;zzq', '$(zzq)', '`zzq`', '<script>zzq</script>', "zzq' OR '1'='1",
  'update-check.example-cdn.net.$(zzq)', 'zzq.example\n*.', 'a.example"; sid:1; zzq', '10.0.0.1 … zzq', '\u001b[2Jzzq', 'zzq\u202e.example', 'admin zzq',
  'ZZQ.example com', '2001:db8::1%zzq', 'zzq\tIntel::ADDR', 'constructor', '__proto__', 'toString',
];

/** A hostile string: a known payload, or arbitrary text around the marker. */
const hostile = fc.oneof(fc.constantFrom(...PAYLOADS), fc.tuple(fc.string(), fc.constantFrom('"', '\n', ';', '$(', '<', ' ', "'")).map(([s, c]) => `${s}${c}zzq`));

/** Setters that put a string where an analysis carries attacker-influenced or file-supplied text. */
const SLOTS: Array<(a: Analysis, s: string) => void> = [
  (a, s) => { a.alerts[0].src = s; },
  (a, s) => { a.alerts[1].dst[0] = s; },
  (a, s) => { a.alerts[2].evidence.accepted_user = s; },
  (a, s) => { a.alerts[3].dst[0] = s; },
  (a, s) => { a.alerts[4].dst[0] = s; },
  (a, s) => { a.alerts[5].src = s; },
  (a, s) => { a.alerts[6].dst[0] = s; },
  (a, s) => { a.alerts[8].evidence.domain = s; },
  (a, s) => { a.alerts[8].evidence.resolvers = [s]; },
  (a, s) => { a.alerts[9].evidence.class = s; },
  (a, s) => { a.alerts[11].evidence.suspect_mac = s; a.alerts[11].evidence.ip = s; },
  (a, s) => { a.alerts[12].evidence.feed = s; },
  (a, s) => { a.alerts[13].evidence.indicator = s; },
  (a, s) => { a.alerts[14].src = s; },
  (a, s) => { a.alerts[15].dst[0] = s; a.incidents[0].alertIds.push(a.alerts[15].id); },
  (a, s) => { a.alerts[16].evidence.detail = s; a.alerts[16].dst[0] = s; },
  (a, s) => { a.alerts[1].evidence.port = s; },
  (a, s) => { a.alerts[0].id = s; a.incidents[0].alertIds.push(s); },
  (a, s) => { a.incidents[0].id = s; },
  (a, s) => { a.incidents[0].attackers.push(s); },
  (a, s) => { a.incidents[0].c2.push(s); },
  (a, s) => { a.incidents[0].compromised[0].host = s; },
  (a, s) => { a.incidents[0].graph.edges[1].dst = s; a.incidents[0].graph.edges[2].kind = s; },
  (a, s) => { a.incidents[0].graph.nodes[0].id = s; },
  (a, s) => { a.parameters.internalNets = [s]; },
];

/** Every text of a plan a person would read or paste. */
function texts(plan: MitigationPlan): string[] {
  return [
    ...plan.blockAddresses, ...plan.blockDomains, renderPlan(plan),
    ...plan.mitigations.flatMap((m) => [m.id, m.title, m.why, ...m.refs, ...m.hardening, ...m.validation, ...m.rules.flatMap((r) => [r.title, r.text])]),
    ...(plan.files ?? []).flatMap((f) => [f.title, f.text, f.file ?? '']),
  ];
}

describe('hostile strings in the analysis never reach the plan', () => {
  it('keeps the marker, quotes, newlines and substitutions out of every rule and sentence', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(SLOTS.length - 1), hostile), { minLength: 1, maxLength: 6 }), (edits) => {
      const analysis = fixtureAnalysis(true);
      for (const [slot, s] of edits) SLOTS[slot](analysis, s);
      const plan = planMitigations(analysis);
      for (const text of texts(plan)) {
        expect(text.toLowerCase()).not.toContain('zzq');
        expect(text).not.toMatch(/native code|\[object |\$\(|`|<script|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      }
      for (const f of plan.files ?? []) expect(f.text).toMatch(/^[\x20-\x7e\t\n]*$/);
    }), { interruptAfterTimeLimit: Number(process.env.FUZZ_SECONDS ?? 3) * 1000, numRuns: 2000 });
  });

  it('plans for any analysis the reader accepts, whatever JSON value sits anywhere in it', () => {
    const base = JSON.parse(JSON.stringify(fixtureAnalysis(true))) as unknown;
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>): void => {
      if (!path.some((k) => k === 'uids' || k === 'reasons' || k === 'success_uids')) paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(base, []);
    fc.assert(fc.property(fc.noBias(fc.nat(paths.length - 1)), fc.oneof(fc.constant(null), fc.constantFrom(0, -1, 1e308, '', 'x', true, [], {}, [null], ['x'], { id: 1 }), fc.jsonValue({ maxDepth: 2 })), (which, value) => {
      const copy = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
      const path = paths[which];
      if (path.length === 0) return;
      let node = copy as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1]] = value;
      let analysis;
      try {
        analysis = parseAnalysis(JSON.stringify(copy));
      } catch (err) {
        expect(err).toBeInstanceOf(SyntaxError);
        return;
      }
      for (const text of texts(planMitigations(analysis))) expect(text).not.toMatch(/native code|\[object |undefined|NaN/);
    }), { interruptAfterTimeLimit: Number(process.env.FUZZ_SECONDS ?? 3) * 1000, numRuns: 5000 });
  });

  it('still writes files the real tools load when every slot is hostile', (ctx) => {
    const analysis = fixtureAnalysis(true);
    SLOTS.forEach((set, n) => set(analysis, PAYLOADS[n % PAYLOADS.length]));
    const plan = planMitigations(analysis);
    expect(plan.blockAddresses.length).toBeGreaterThan(0);
    if (!hasTool('nft') || !hasTool('iptables-restore')) return ctx.skip('nft or iptables-restore is not installed (Debian packages nftables, iptables)');
    const file = (name: string): string => plan.files!.find((f) => f.file === name)!.text;
    expect(checkWith('nft', ['-c', '-f', 'FILE'], file('tracer_block.nft'), 'b.nft').status).toBe(0);
    expect(checkWith('iptables-restore', ['--test'], file('iptables.rules'), 'i.rules').status).toBe(0);
  });
});
