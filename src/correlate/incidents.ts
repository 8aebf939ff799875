import { severityRank } from '../detect/alert.js';
import { pushTo } from '../util/push-to.js';
import { isContext } from './kinds.js';
import type { TimelineEvent } from './model.js';

/** Events that make one incident, in time order. */
export interface EventGroup {
  events: TimelineEvent[];
  start: number;
  end: number;
}

/** An event can start or link an incident: low severity or more, and about actors (not volume). */
function isSeed(event: TimelineEvent): boolean {
  return severityRank(event.severity) >= severityRank('low') && !isContext(event);
}

/** What links events: their hosts, and for a login the account (one account won on two hosts is one intrusion). */
function linksOf(event: TimelineEvent): string[] {
  const hosts = [event.src, ...event.dst];
  return event.user === undefined ? hosts : [...hosts, `user\0${event.user}`];
}

/** Union-find over event indexes. */
function makeSets(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  return { find, union: (a, b) => { parent[find(a)] = find(b); } };
}

/** An incident worth reporting: something of medium severity or more, several kinds of evidence, or another sensor's alert. */
function isIncident(group: EventGroup): boolean {
  const sources = new Set(group.events.map((e) => e.source));
  return group.events.some((e) => severityRank(e.severity) >= severityRank('medium') || e.kind === 'intel' || e.kind === 'ids') || sources.size >= 2;
}

/**
 * Groups events into incidents: two seed events share an incident when they share a host (or the
 * account of a login) and
 * happen within `gapSeconds` of that host's previous activity (so one host's separate episodes
 * stay apart). Context events (low volume signals, informational logins) then join the incident
 * that shares one of their hosts and overlaps them in time. Groups without a medium-severity
 * event, a second kind of evidence, or another sensor's alert are dropped.
 */
export function groupIncidents(events: readonly TimelineEvent[], gapSeconds: number): EventGroup[] {
  const seeds = events.filter(isSeed).sort((a, b) => a.ts - b.ts);
  const sets = makeSets(seeds.length);
  const lastByHost = new Map<string, { index: number; end: number }>();
  seeds.forEach((event, index) => {
    for (const host of linksOf(event)) {
      const last = lastByHost.get(host);
      const joined = last !== undefined && event.ts - last.end <= gapSeconds;
      if (joined) sets.union(index, last.index);
      lastByHost.set(host, { index, end: joined ? Math.max(last.end, event.end) : event.end });
    }
  });
  const groups = new Map<number, EventGroup>();
  seeds.forEach((event, index) => {
    const root = sets.find(index);
    const group = groups.get(root) ?? { events: [], start: event.ts, end: event.end };
    group.events.push(event);
    group.start = Math.min(group.start, event.ts);
    group.end = Math.max(group.end, event.end);
    groups.set(root, group);
  });
  const ordered = [...groups.values()].sort((a, b) => a.start - b.start);
  const byHost = new Map<string, EventGroup[]>();
  for (const group of ordered) {
    for (const host of new Set(group.events.flatMap(linksOf))) pushTo(byHost, host, group);
  }
  for (const event of events) {
    if (isSeed(event)) continue;
    const home = linksOf(event).flatMap((h) => byHost.get(h) ?? [])
      .find((g) => event.ts <= g.end + gapSeconds && event.end >= g.start - gapSeconds);
    home?.events.push(event);
  }
  for (const group of ordered) group.events.sort((a, b) => a.ts - b.ts || a.source.localeCompare(b.source));
  return ordered.filter(isIncident);
}
