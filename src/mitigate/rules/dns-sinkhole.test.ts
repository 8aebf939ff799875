import { describe, expect, it } from 'vitest';
import { checkWith, hasTool, missing } from '../testing/tools.js';
import { CTX, INDICATORS } from '../testing/indicators.js';
import { dnsSinkholeRules, RPZ_ZONE } from './dns-sinkhole.js';

describe('dnsSinkholeRules', () => {
  const [rpz, unbound] = dnsSinkholeRules(INDICATORS, CTX);

  it('sinkholes each name and its subdomains, NXDOMAIN by default, and no addresses', () => {
    expect(rpz.text).toContain('update-check.example-cdn.net CNAME .\n*.update-check.example-cdn.net CNAME .\n');
    expect(unbound.text).toContain('server:\n    local-zone: "update-check.example-cdn.net." always_nxdomain\n    local-zone: "t.exfil-dns.example." always_nxdomain\n');
    expect(`${rpz.text}${unbound.text}`).not.toContain('203.0.113.66');
  });

  it('answers with the sinkhole address when given one', () => {
    const [r, u] = dnsSinkholeRules(INDICATORS, CTX, '10.0.0.53');
    expect(r.text).toContain('*.t.exfil-dns.example A 10.0.0.53');
    expect(u.text).toContain('local-zone: "t.exfil-dns.example." redirect\n    local-data: "t.exfil-dns.example. 300 IN A 10.0.0.53"');
  });

  it('writes nothing without names', () => {
    expect(dnsSinkholeRules(INDICATORS.filter((i) => i.kind !== 'domain'), CTX)).toEqual([]);
  });

  it('loads in named-checkzone as a zone', (ctx) => {
    if (!hasTool('named-checkzone')) return ctx.skip(missing('named-checkzone'));
    for (const set of [rpz, dnsSinkholeRules(INDICATORS, CTX, '10.0.0.53')[0]]) {
      const result = checkWith('named-checkzone', [RPZ_ZONE, 'FILE'], set.text, set.file!);
      expect(result.output).toContain('OK');
      expect(result.status).toBe(0);
    }
    expect(checkWith('named-checkzone', [RPZ_ZONE, 'FILE'], rpz.text.replace('CNAME .', 'CNAME'), 'bad.zone').status).not.toBe(0);
  });

  it('passes unbound-checkconf', (ctx) => {
    if (!hasTool('unbound-checkconf')) return ctx.skip(missing('unbound-checkconf'));
    for (const set of [unbound, dnsSinkholeRules(INDICATORS, CTX, '10.0.0.53')[1]]) {
      const result = checkWith('unbound-checkconf', ['FILE'], set.text, set.file!);
      expect(result.output).toContain('no errors');
      expect(result.status).toBe(0);
    }
    expect(checkWith('unbound-checkconf', ['FILE'], unbound.text.replace('always_nxdomain', 'always_nothing'), 'bad.conf').status).not.toBe(0);
  });
});
