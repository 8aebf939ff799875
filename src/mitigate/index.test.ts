import { describe, expect, it } from 'vitest';
import { planMitigations } from './index.js';
import { ATTACKER, ATTACKER6, C2, C2_NAME, fixtureAnalysis, INTEL_IP, INTEL_NAME, LONG_PEER, SPOOF_MAC, TUNNEL, VICTIM, WEB_ATTACKER } from './testing/fixtures.js';

describe('planMitigations on the sample intrusion', () => {
  const plan = planMitigations(fixtureAnalysis());
  const byId = new Map(plan.mitigations.map((m) => [m.id, m]));

  it('blocks the attacker and the C2 by address and name, never the victim', () => {
    expect(plan.blockAddresses).toEqual([C2, ATTACKER]);
    expect(plan.blockDomains).toEqual([C2_NAME]);
    const text = plan.mitigations.flatMap((m) => m.rules.map((r) => r.text)).join('\n');
    expect(text).not.toContain(VICTIM);
    expect(text).not.toContain('10.10.0.1 ');
  });

  it('lists immediate containment first, then hardening, then segmentation', () => {
    expect(plan.mitigations.map((m) => [m.id, m.priority])).toEqual([
      ['block-attackers', 'immediate'], ['block-c2', 'immediate'], [`isolate-10-10-0-10`, 'immediate'], ['harden-login-10-10-0-10-22', 'immediate'],
      ['limit-egress', 'short-term'], ['segment-internal', 'long-term'],
    ]);
  });

  it('explains each mitigation with the numbers of the finding and refers to its alerts and incident', () => {
    expect(byId.get('block-attackers')!.why).toBe(`${ATTACKER} scanned 1,000 ports on ${VICTIM} with 1,000 probes in 4 s; failed 52 logins on ${VICTIM} for 5 account(s) in 60 s, then a login was accepted; made 53 password guesses against ${VICTIM}:22 in 88.4 s, and a longer session followed.`);
    expect(byId.get('block-c2')!.why).toContain(`${VICTIM} sent 4.0 MB to ${C2} over 41 connection(s)`);
    expect(byId.get('block-c2')!.why).toContain(`${VICTIM} contacted ${C2_NAME} 41 times every ~60 s`);
    expect(byId.get('segment-internal')!.why).toContain('swept 253 hosts (10.10.0.1 … 10.10.0.99) on 1 port(s) with 253 probes');
    expect(byId.get('block-c2')!.refs[0]).toBe('INC-f5bde8051c');
    expect(byId.get('block-attackers')!.refs).toHaveLength(1 + 4);
  });

  it('gives a rule set for every enforcement point that can hold the indicators', () => {
    expect(byId.get('block-c2')!.rules.map((r) => r.target)).toEqual(['iptables', 'nftables', 'cisco-asa', 'suricata', 'zeek-intel', 'dns-sinkhole', 'dns-sinkhole']);
    expect(byId.get('block-attackers')!.rules.map((r) => r.target)).toEqual(['iptables', 'nftables', 'cisco-asa', 'suricata', 'zeek-intel']);
    expect(byId.get('harden-login-10-10-0-10-22')!.rules.map((r) => r.file)).toEqual(['iptables-ratelimit-22.rules', 'ip6tables-ratelimit-22.rules', 'tracer_ratelimit_22.nft']);
  });

  it('hardens the SSH weakness, isolates rather than blocks the victim, and says how to check', () => {
    const ssh = byId.get('harden-login-10-10-0-10-22')!;
    expect(ssh.why).toContain("SSH on 10.10.0.10 accepted password logins from outside the organisation's networks");
    expect(ssh.hardening.join(' ')).toMatch(/PasswordAuthentication no.*keys only/);
    expect(ssh.hardening[0]).toContain('(admin)');
    expect(ssh.hardening.join(' ')).toContain('authorized_keys');
    expect(ssh.validation).toContain(`nmap -Pn -p 22 ${VICTIM}   # from outside the organisation: the port must show filtered`);
    expect(ssh.validation.join('\n')).toContain(`ssh -o PreferredAuthentications=password -o PubkeyAuthentication=no probe@${VICTIM}   # must fail with "Permission denied (publickey)."`);
    const isolate = byId.get('isolate-10-10-0-10')!;
    expect(isolate.rules).toEqual([]);
    expect(isolate.hardening[0]).toContain('quarantined, not put on the perimeter block lists');
    expect(isolate.why).toBe(`${VICTIM} was judged compromised (score 0.96) in INC-f5bde8051c: it accepted a login from ${ATTACKER}, beaconed to ${C2}, sent data out to ${C2}, scanned 10.10.0.1 … 10.10.0.99.`);
    expect(byId.get('block-c2')!.validation[0]).toBe(`From ${VICTIM}: curl --max-time 5 http://${C2}/   # must fail (time out or be refused)`);
    expect(byId.get('block-c2')!.validation[1]).toBe(`dig @<resolver> ${C2_NAME}   # must answer NXDOMAIN (or the sinkhole address)`);
  });

  it('merges every block into one file per rule file, without duplicates', () => {
    expect(plan.files!.map((f) => f.file)).toEqual([
      'iptables.rules', 'tracer_block.nft', 'cisco-asa.txt', 'tracer.rules', 'tracer-intel.dat', 'rpz.tracer.zone', 'unbound-sinkhole.conf',
      'iptables-ratelimit-22.rules', 'ip6tables-ratelimit-22.rules', 'tracer_ratelimit_22.nft',
    ]);
    const suricata = plan.files!.find((f) => f.target === 'suricata')!.text;
    const perMitigation = plan.mitigations.flatMap((m) => m.rules.filter((r) => r.target === 'suricata').map((r) => r.text.split('\n').slice(1))).flat();
    for (const rule of perMitigation.filter((l) => l !== '')) expect(suricata).toContain(rule);
  });

  it('is deterministic: the same analysis in any order gives the same plan', () => {
    const shuffled = fixtureAnalysis();
    shuffled.alerts.reverse();
    expect(planMitigations(shuffled)).toEqual(plan);
    expect(JSON.stringify(planMitigations(fixtureAnalysis()))).toBe(JSON.stringify(plan));
  });
});

describe('planMitigations on every kind of finding', () => {
  const plan = planMitigations(fixtureAnalysis(true), { sinkhole: '10.0.0.53', resolver: '10.10.0.2' });
  const byId = new Map(plan.mitigations.map((m) => [m.id, m]));

  it('blocks external attackers of both families, C2s, intel and tunnel domains, and nothing internal', () => {
    expect(plan.blockAddresses).toEqual([WEB_ATTACKER, C2, INTEL_IP, ATTACKER, ATTACKER6]);
    expect(plan.blockAddresses).not.toContain(LONG_PEER);
    expect(plan.blockDomains).toEqual([INTEL_NAME, TUNNEL, C2_NAME]);
    const ip6 = plan.files!.find((f) => f.file === 'ip6tables.rules')!;
    expect(ip6.text).toContain(`-I INPUT -s ${ATTACKER6} `);
    expect(plan.files!.find((f) => f.file === 'iptables.rules')!.text).not.toContain(ATTACKER6);
  });

  it('answers DNS tunnelling, web attacks, floods and ARP spoofing with their own steps', () => {
    expect(byId.get('dns-tunnel')!.why).toContain(`sent 4,200 DNS queries for 3,900 unique names under ${TUNNEL}. The queries went straight to outside resolver(s) 8.8.8.8.`);
    expect(byId.get('dns-tunnel')!.hardening[0]).toContain('block outbound 53/udp');
    expect(byId.get('dns-tunnel')!.validation[0]).toBe(`dig @10.10.0.2 probe.${TUNNEL} TXT   # must answer NXDOMAIN (or the sinkhole address)`);
    expect(byId.get('harden-web')!.why).toBe(`${WEB_ATTACKER} sent 12 SQL injection request(s) to 10.10.0.20.`);
    expect(byId.get('harden-web')!.hardening.join(' ')).toContain('WAF');
    expect(byId.get('absorb-floods')!.why).toContain('spoofed, so blocking them by address would not help');
    expect(byId.get('stop-arp-spoofing')!.hardening.join(' ')).toContain('Dynamic ARP Inspection');
    expect(byId.get('stop-arp-spoofing')!.hardening[0]).toContain(`${SPOOF_MAC} (show mac address-table address 0200.5e10.0066)`);
    expect(byId.get('block-intel')!.why).toContain(`${INTEL_IP} is listed in feed abuse-ch`);
    expect(plan.files!.find((f) => f.file === 'rpz.tracer.zone')!.text).toContain(`*.${TUNNEL} A 10.0.0.53`);
    expect(byId.get('encrypt-logins')!.why).toBe('10.10.0.31 authenticated in clear text with 10.10.0.21 (3 connection(s)), so anyone on the path could read the password.');
    expect(byId.get('encrypt-logins')!.why).not.toContain('admin');
  });

  it('refuses a sinkhole or resolver that is not an address', () => {
    expect(() => planMitigations(fixtureAnalysis(), { sinkhole: '10.0.0.53; rm -rf /' })).toThrow(/Cannot use sinkhole/);
    expect(() => planMitigations(fixtureAnalysis(), { sinkhole: '2001:db8::53' })).toThrow(/IPv4/);
    expect(() => planMitigations(fixtureAnalysis(), { resolver: '$(id)' })).toThrow(/Cannot use resolver/);
    expect(() => planMitigations(fixtureAnalysis(), { internal: ['10.0.0.0/33'] })).toThrow(/Cannot use internal network "10.0.0.0\/33"/);
  });

  it('keeps addresses inside --internal networks off the block lists', () => {
    const narrowed = planMitigations(fixtureAnalysis(true), { internal: ['203.0.113.0/24'] });
    expect(narrowed.blockAddresses).not.toContain(ATTACKER);
    expect(narrowed.mitigations.find((m) => m.id === 'block-attackers')!.hardening.join(' ')).toContain(`${ATTACKER} is internal: isolate`);
  });

  it('stays small and fast for 10,000 attackers: capped block lists and a summed-up why', () => {
    const base = fixtureAnalysis();
    const scan = base.alerts[0];
    const alerts = Array.from({ length: 10_000 }, (_, i) => ({ ...scan, id: `scan${i}`, src: `198.18.${i >> 8}.${i & 255}` }));
    const started = performance.now();
    const plan = planMitigations({ ...base, alerts: [...base.alerts, ...alerts] });
    const ms = performance.now() - started;
    const block = plan.mitigations.find((m) => m.id === 'block-attackers')!;
    expect(plan.blockAddresses.length).toBe(500 + 1);
    expect(block.why.startsWith(`${ATTACKER} scanned`)).toBe(true);
    expect(plan.blockAddresses).toContain('198.18.1.242');
    expect(plan.blockAddresses).not.toContain('198.18.1.243');
    expect(block.why).toContain('And 490 more attacking addresses.');
    expect(block.why).toContain('Only the 500 strongest of 10,001 addresses are listed');
    expect(ms).toBeLessThan(5000);
  });

  it('blocks the peer of a long connection when the connection is part of an incident', () => {
    const analysis = fixtureAnalysis(true);
    const long = analysis.alerts.find((a) => a.detector === 'long_connection')!;
    analysis.incidents[0].alertIds.push(long.id);
    const m = planMitigations(analysis).mitigations.find((x) => x.id === 'block-c2')!;
    expect(m.why).toContain(`10.10.0.31 held a connection to ${LONG_PEER} for 8.3 h carrying 1.0 MB.`);
    expect(m.rules[0].text).toContain(LONG_PEER);
  });

  it('plans nothing for an analysis without findings', () => {
    expect(planMitigations({ ...fixtureAnalysis(), incidents: [], alerts: [] })).toEqual({ mitigations: [], blockAddresses: [], blockDomains: [], files: [] });
  });
});
