import { describe, expect, it } from 'vitest';
import { parseAnalysis } from './read.js';
import { fixtureAnalysis } from './testing/fixtures.js';

describe('parseAnalysis', () => {
  it('reads analysis.json as tracer analyze writes it', () => {
    const analysis = fixtureAnalysis(true);
    expect(parseAnalysis(JSON.stringify(analysis))).toEqual(analysis);
  });

  it('names what is wrong in one line', () => {
    const bad: Array<[string, RegExp]> = [
      ['{', /^Cannot read a\.json: not JSON/],
      ['[]', /expected a JSON object/],
      ['{"format":"tracer-analysis/2"}', /format is not "tracer-analysis\/1"/],
      ['{"format":"tracer-analysis/1","incidents":{},"alerts":[]}', /incidents and alerts must be lists/],
      ['{"format":"tracer-analysis/1","incidents":[],"alerts":[{"id":"a","detector":"d","src":"s","severity":"high","dst":[]}]}', /alerts\[0\]\.evidence is not an object/],
      ['{"format":"tracer-analysis/1","incidents":[{"id":"i","attackers":[],"victims":[],"c2":[],"compromised":[],"alertIds":[]}],"alerts":[]}', /incidents\[0\]\.graph must have nodes and edges/],
      ['{"format":"tracer-analysis/1","incidents":[{"id":"i","attackers":[],"victims":[],"c2":[],"compromised":[null],"alertIds":[],"graph":{"nodes":[],"edges":[]}}],"alerts":[]}', /incidents\[0\]\.compromised\[0\] is not an object/],
      ['{"format":"tracer-analysis/1","incidents":[{"id":"i","attackers":[],"victims":[],"c2":[],"compromised":[],"alertIds":[],"graph":{"nodes":[1],"edges":[]}}],"alerts":[]}', /incidents\[0\]\.graph\.nodes\[0\] is not an object/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseAnalysis(text, 'a.json')).toThrow(message);
      try { parseAnalysis(text, 'a.json'); } catch (err) { expect((err as Error).message).not.toContain('\n'); }
    }
  });
});
