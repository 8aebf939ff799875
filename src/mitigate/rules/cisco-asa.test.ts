import { describe, expect, it } from 'vitest';
import { CTX, INDICATORS } from '../testing/indicators.js';
import { ciscoAsaRules } from './cisco-asa.js';

describe('ciscoAsaRules', () => {
  const [set] = ciscoAsaRules(INDICATORS, CTX);
  const lines = set.text.trimEnd().split('\n');

  it('groups IPv4 and IPv6 hosts and FQDN objects and denies the group both ways, first', () => {
    expect(lines).toContain(' network-object host 203.0.113.66');
    expect(lines).toContain(' network-object host 2001:db8:bad::66');
    expect(lines).toContain('object network TRACER-BLOCK-TEST-FQDN-1');
    expect(lines).toContain(' fqdn t.exfil-dns.example');
    expect(lines).toContain(' network-object object TRACER-BLOCK-TEST-FQDN-2');
    expect(lines).toContain('access-list OUTSIDE_IN line 1 extended deny ip object-group TRACER-BLOCK-TEST any');
    expect(lines).toContain('access-list INSIDE_OUT line 1 extended deny ip any object-group TRACER-BLOCK-TEST');
  });

  it('is only comments, configuration-mode commands and indented object entries', () => {
    const grammar = /^(?:! .*|configure terminal|end|object network [A-Z0-9-]+|object-group network [A-Z0-9-]+| fqdn [a-z0-9.-]+| network-object (?:host [0-9a-f.:]+|object [A-Z0-9-]+)|access-list [A-Z_]+ line 1 extended deny ip (?:object-group [A-Z0-9-]+ any|any object-group [A-Z0-9-]+))$/;
    for (const line of lines) expect(line).toMatch(grammar);
    expect(lines.filter((l) => l.startsWith('!')).join('\n')).not.toMatch(/[";$`]|\$\(/);
  });

  it('writes nothing for no indicator', () => {
    expect(ciscoAsaRules([], CTX)).toEqual([]);
  });
});
