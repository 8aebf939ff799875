import { formatAddress, formatMac } from '../decode/address.js';
import type { LogRecord } from '../store/schema/types.js';
import { burstColumns } from './bursts.js';
import { communityId } from './community-id.js';
import type { Conn } from './conn.js';
import { connState } from './conn-state.js';
import type { LocalNets } from './local-nets.js';

/** A conn.log record, keyed by column name (see src/store/schema/conn.ts). */
export interface ConnRecord extends LogRecord {
  ts: number;
  uid: string;
  id_orig_h: string;
  id_orig_p: number;
  id_resp_h: string;
  id_resp_p: number;
  proto: string;
  service: string | null;
  duration: number | null;
  orig_bytes: number | null;
  resp_bytes: number | null;
  conn_state: string;
  local_orig: boolean;
  local_resp: boolean;
  missed_bytes: number;
  history: string | null;
  orig_pkts: number;
  orig_ip_bytes: number;
  resp_pkts: number;
  resp_ip_bytes: number;
  vlan: number | null;
  inner_vlan: number | null;
  orig_l2_addr: string | null;
  resp_l2_addr: string | null;
  community_id: string;
  open_at_end: boolean;
  bursts: number[] | null;
  burst_bytes: number[] | null;
}

/**
 * The conn.log record of a finished connection, with Zeek's conventions:
 * duration and byte counts are unset when the duration is zero, history is
 * unset when empty, TCP byte counts come from sequence numbers.
 */
export function connRecord(conn: Conn, localNets: LocalNets, openAtEnd: boolean): ConnRecord {
  // Epoch times as doubles carry about 0.2 µs of precision, so the difference is
  // rounded to the microsecond Zeek prints rather than showing float noise.
  const duration = Math.round((conn.lastTs - conn.startTs) * 1e6) / 1e6;
  const hasDuration = duration > 0;
  const orig = origScratch, resp = respScratch;
  for (let i = 0; i < 4; i++) {
    orig[i] = conn.addresses[i];
    resp[i] = conn.addresses[i + 4];
  }
  return {
    ts: conn.startTs,
    uid: conn.uid,
    id_orig_h: formatAddress(orig, conn.ipVersion),
    id_orig_p: conn.origPort,
    id_resp_h: formatAddress(resp, conn.ipVersion),
    id_resp_p: conn.respPort,
    proto: conn.proto === 6 ? 'tcp' : conn.proto === 17 ? 'udp' : 'icmp',
    service: conn.services.length > 0 ? conn.services.join(',') : null,
    duration: hasDuration ? duration : null,
    orig_bytes: hasDuration ? payloadBytes(conn, true) : null,
    resp_bytes: hasDuration ? payloadBytes(conn, false) : null,
    conn_state: connState(conn),
    local_orig: localNets.contains(orig),
    local_resp: localNets.contains(resp),
    missed_bytes: conn.missedBytes,
    history: conn.history.text === '' ? null : conn.history.text,
    orig_pkts: conn.origPkts,
    orig_ip_bytes: conn.origIpBytes,
    resp_pkts: conn.respPkts,
    resp_ip_bytes: conn.respIpBytes,
    vlan: conn.vlan >= 0 ? conn.vlan : null,
    inner_vlan: conn.innerVlan >= 0 ? conn.innerVlan : null,
    orig_l2_addr: macText(conn.origMac),
    resp_l2_addr: macText(conn.respMac),
    community_id: communityId(orig, conn.origPort, resp, conn.respPort, conn.proto, conn.ipVersion),
    open_at_end: openAtEnd,
    ...burstColumns(conn),
  };
}

/** The record's address words, copied here instead of taking views (no allocation per record). */
const origScratch = new Uint32Array(4);
const respScratch = new Uint32Array(4);

/** MAC texts already formatted: a few MACs (gateways) recur in most connections. */
const macTexts = new Map<number, string>();
/** Entries kept before the cache starts over (bounds its memory). */
const MAX_CACHED_MACS = 4096;

function macText(mac: number): string | null {
  if (mac < 0) return null;
  let text = macTexts.get(mac);
  if (text === undefined) {
    if (macTexts.size >= MAX_CACHED_MACS) macTexts.clear();
    text = formatMac(mac);
    macTexts.set(mac, text);
  }
  return text;
}

function payloadBytes(conn: Conn, orig: boolean): number {
  if (conn.orig && conn.resp) return orig ? conn.orig.size(conn.resp) : conn.resp.size(conn.orig);
  return Math.max(0, orig ? conn.origPayload : conn.respPayload);
}
