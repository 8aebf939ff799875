import type { Alert } from '../detect/alert.js';
import { bytes, count, seconds } from '../detect/sql-detector.js';
import type { CompromisedHost, TimelineEvent } from './model.js';
import { clock, dateTime, isContext } from './kinds.js';


/** The story of one event without its time, from the alert's evidence where there is one. */
function step(event: TimelineEvent, alert: Alert | undefined, dst: string): string {
  const ev = (alert?.evidence ?? {}) as Record<string, unknown>;
  const span = seconds(event.end - event.ts);
  switch (alert?.detector) {
    case 'port_scan': {
      const open = (ev.open_ports as number[] | undefined)?.length ? `; open: ${(ev.open_ports as number[]).join(', ')}` : '';
      if (ev.kind === 'protocol') return `${event.src} scanned ${dst} for ${count(ev.ports)} IP protocols (IP-protocol scan)`;
      if (ev.kind === 'arp_sweep') return `${event.src} swept ${count(ev.hosts)} addresses (${dst}) with ARP requests in ${span}`;
      return ev.kind === 'horizontal'
        ? `${event.src} swept ${count(ev.hosts)} hosts (${dst}) on ${count(ev.ports)} port(s) with ${count(ev.probes)} probes in ${span}${open}`
        : `${event.src} scanned ${dst} on ${count(ev.ports)} ports (${ev.scan_type} scan, ${count(ev.probes)} probes in ${span})${open}`;
    }
    case 'brute_force':
      return `${event.src} made ${count(ev.guesses)} password guesses against ${dst}:${ev.port} in ${span}${ev.success ? ', and a longer session followed' : ''}`;
    case 'auth_guessing':
      return `${ev.source_file} on ${ev.host === dst ? dst : `${ev.host} (${dst})`} logged ${count(ev.failures)} failed logins from ${event.src} for ${count(ev.accounts)} account(s) in ${span}`;
    case 'beacon':
      return `${event.src} began beaconing to ${dst} every ~${Math.round(Number(ev.median_interval))} s (${count(ev.connections)} connections until ${clock(event.end)})`;
    case 'c2_checkin':
      return `${event.src} checked in with ${ev.host} (${dst}) ${count(ev.requests)} times until ${clock(event.end)}`;
    case 'exfiltration':
      return `${event.src} sent ${bytes(ev.bytes_out)} to ${dst} over ${count(ev.connections)} connection(s) until ${clock(event.end)}`;
    default:
      return event.summary.replace(/\.$/, '');
  }
}

/**
 * Same step seen twice: a beacon to an address and to its name (same detector, source and
 * start), or another login from the same source to the same server.
 */
function sameStep(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.source !== b.source || a.src !== b.src) return false;
  if (a.source === 'auth') return a.dst[0] === b.dst[0];
  return a.kind !== 'auth' && Math.abs(a.ts - b.ts) < 5 && !b.dst.some((d) => a.dst.includes(d));
}

/**
 * The attack chain: one plain sentence per step, in time order, each with its time (the
 * date when it changes) and numbers, then one sentence per compromised host with its reasons.
 * Informational events and volume spikes stay in the timeline only; a step seen twice (a
 * beacon to an address and to its DNS name) is told once with both destinations, and further
 * logins from one source to one server are counted in the first login's sentence.
 */
export function tellChain(events: readonly TimelineEvent[], alerts: ReadonlyMap<string, Alert>, compromised: readonly CompromisedHost[]): string[] {
  const steps: { event: TimelineEvent; dst: string[]; repeats: number; last: number }[] = [];
  for (const event of events) {
    if (event.severity === 'info' || isContext(event)) continue;
    const twin = steps.find((s) => sameStep(s.event, event));
    if (twin?.event.source === 'auth') {
      twin.repeats++;
      twin.last = event.ts;
    } else if (twin) twin.dst.push(...event.dst.filter((d) => !twin.dst.includes(d)));
    else steps.push({ event, dst: [...event.dst], repeats: 0, last: event.ts });
  }
  let lastDay = '';
  const sentences = steps.map(({ event, dst, repeats, last }) => {
    const day = dateTime(event.ts).slice(0, 10);
    const when = day === lastDay ? clock(event.ts) : dateTime(event.ts);
    lastDay = day;
    const target = dst.length > 1 ? `${dst[0]} (${dst.slice(1).join(', ')})` : dst[0] ?? '';
    const until = dateTime(last).slice(0, 10) === day ? clock(last) : dateTime(last);
    const more = repeats ? `; ${count(repeats)} more accepted login(s) from ${event.src} followed until ${until}` : '';
    return `At ${when}, ${step(event, alerts.get(event.ref.alertId ?? ''), target)}${more}.`;
  });
  for (const c of compromised) {
    sentences.push(`${c.host} is compromised (score ${c.score.toFixed(2)}): ${c.reasons.slice(0, 4).join('; ')}.`);
  }
  return sentences;
}
