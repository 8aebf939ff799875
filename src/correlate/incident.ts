import { createHash } from 'node:crypto';
import { SEVERITIES, severityRank, type Alert, type Severity } from '../detect/alert.js';
import type { Store } from '../store/duckdb.js';
import { tellChain } from './chain.js';
import { judgeCompromise, type Sign } from './compromise.js';
import { processEvent } from './events.js';
import { buildGraph, type Cast } from './graph.js';
import type { HostScope } from './hosts.js';
import type { EventGroup } from './incidents.js';
import { isAttack, isControl, isLogin } from './kinds.js';
import { TACTICS, type CompromisedHost, type Incident, type TimelineEvent } from './model.js';
import { pushTo } from '../util/push-to.js';
import { listParam } from './list-param.js';
import { correlateSql } from './sql-file.js';
import type { Candidate } from './traffic-signs.js';

/** Connection uids looked up in the host records per incident, at most. */
const MAX_PROCESS_UIDS = 500;

/** What building an incident needs besides its events: looked up for all incidents at once. */
export interface IncidentContext {
  scope: HostScope;
  alerts: ReadonlyMap<string, Alert>;
  /** Process events by connection uid (host sensor, Sysmon). */
  processes: ReadonlyMap<string, TimelineEvent[]>;
  /** Signs from the connection records by candidate key (see candidatesOf). */
  traffic: ReadonlyMap<string, Sign[]>;
  country?: (ip: string) => string;
}

/** The connection uids an incident's events point to, at most MAX_PROCESS_UIDS. */
function uidsOf(events: readonly TimelineEvent[]): string[] {
  return [...new Set(events.flatMap((e) => e.ref.uids ?? []))].sort().slice(0, MAX_PROCESS_UIDS);
}

/** The processes behind every group's connections, from host-sensor and Sysmon records, in one query. */
export async function processEventsByUid(store: Store, groups: readonly EventGroup[]): Promise<Map<string, TimelineEvent[]>> {
  const uids = [...new Set(groups.flatMap((g) => uidsOf(g.events)))];
  const byUid = new Map<string, TimelineEvent[]>();
  if (uids.length === 0) return byUid;
  for (const row of await store.all(correlateSql('host-processes', store), { uids: listParam(store, uids) })) pushTo(byUid, String(row.uid), processEvent(row));
  return byUid;
}

/** Key of an attacked host within the group at `index`, for the traffic lookups. */
function candidateKey(index: number, host: string): string {
  return `${index}\0${host}`;
}

/** First time each host was attacked, and by whom. */
function attackedHosts(events: readonly TimelineEvent[]): Map<string, { at: number; by: Set<string> }> {
  const attacked = new Map<string, { at: number; by: Set<string> }>();
  for (const e of events) {
    if (!isAttack(e)) continue;
    for (const dst of e.dst) {
      if (dst === e.src) continue;
      const entry = attacked.get(dst) ?? { at: e.ts, by: new Set<string>() };
      entry.at = Math.min(entry.at, e.ts);
      entry.by.add(e.src);
      attacked.set(dst, entry);
    }
  }
  return attacked;
}

/** Every attacked internal host of the group at `index` (not attacking itself), to judge for compromise. */
export function candidatesOf(group: EventGroup, index: number, scope: HostScope): Candidate[] {
  return [...attackedHosts(group.events)].filter(([host, { by }]) => scope.isInternal(host) && !by.has(host))
    .map(([host, { at, by }]) => ({ key: candidateKey(index, host), host, since: at, attackers: [...by].sort() }));
}

/** Attackers, pivots (compromised hosts that went on to attack), victims and C2 of an incident. */
function castOf(events: readonly TimelineEvent[], compromised: readonly CompromisedHost[], scope: HostScope): Cast {
  const fallen = new Set(compromised.map((c) => c.host));
  const attackSources = [...new Set(events.filter(isAttack).map((e) => e.src))];
  const attackers = attackSources.filter((h) => !fallen.has(h));
  const pivots = attackSources.filter((h) => fallen.has(h));
  const victims = [...new Set(events.filter((e) => (isAttack(e) && attackers.includes(e.src)) || isLogin(e)).flatMap((e) => e.dst))]
    .filter((h) => !attackers.includes(h));
  for (const host of fallen) if (!victims.includes(host) && !pivots.includes(host)) victims.push(host);
  const c2 = [...new Set(events.filter((e) => isControl(e) && scope.isInternal(e.src)).flatMap((e) => e.dst))].filter((h) => !scope.isInternal(h));
  return { attackers, victims, c2, pivots };
}

/**
 * Turns a group of events into an incident: adds the processes behind its connections,
 * judges every attacked internal host for compromise, casts the roles, builds the graph and
 * tells the chain. The id is a hash of the incident's first event and alert ids, so it stays
 * the same when the same evidence is analysed again.
 */
export function buildIncident(group: EventGroup, index: number, ctx: IncidentContext): Incident {
  const processes = uidsOf(group.events).flatMap((uid) => ctx.processes.get(uid) ?? []);
  const events = [...group.events, ...processes].sort((a, b) => a.ts - b.ts || a.source.localeCompare(b.source));
  const compromised: CompromisedHost[] = [];
  for (const candidate of candidatesOf(group, index, ctx.scope)) {
    const verdict = judgeCompromise(candidate, events, ctx.alerts, ctx.traffic.get(candidate.key) ?? []);
    if (verdict) compromised.push(verdict);
  }
  compromised.sort((a, b) => b.score - a.score || a.host.localeCompare(b.host));
  const cast = castOf(events, compromised, ctx.scope);
  const alertIds = events.flatMap((e) => (e.ref.alertId ? [e.ref.alertId] : []));
  const worst = Math.max(...events.map((e) => severityRank(e.severity)));
  const severity: Severity = compromised.length ? 'critical' : SEVERITIES[worst];
  const present = new Set(events.map((e) => e.tactic));
  return {
    id: `INC-${createHash('sha256').update([group.start, ...[...alertIds].sort()].join('\0')).digest('hex').slice(0, 10)}`,
    severity, start: group.start, end: Math.max(...events.map((e) => e.end)),
    attackers: cast.attackers, pivots: cast.pivots, victims: cast.victims, c2: cast.c2, compromised,
    tactics: TACTICS.filter((t) => present.has(t)), alertIds, timeline: events,
    graph: buildGraph(events, cast, compromised, ctx.scope, ctx.country),
    chain: tellChain(events, ctx.alerts, compromised),
  };
}
