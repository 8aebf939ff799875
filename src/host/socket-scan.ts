import { endianness } from 'node:os';
import { WeirdCounter } from '../util/weird.js';
import { formatHexAddress } from './hex-address.js';
import { MAX_NET_LINE_BYTES, MAX_NET_TABLE_BYTES } from './limits.js';
import { parseNetTable, type SocketRow } from './net-table.js';
import { readProcInto, ScratchBuffer } from './proc-read.js';
import { socketsInUse, type SocketsInUse } from './sockstat.js';
import { stateName, TCP_LISTEN } from './socket-state.js';

/** A connection socket seen in /proc/net, from its first sighting to its disappearance. */
export interface LiveSocket {
  inode: number;
  proto: 'tcp' | 'udp';
  family: 4 | 6;
  localAddr: string;
  localPort: number;
  remoteAddr: string;
  remotePort: number;
  /** State name at first sighting. */
  state: string;
  /** 'in' when the local port is listening (an accepted connection), else 'out'. */
  direction: 'in' | 'out';
  /** Socket owner uid as the kernel recorded it. */
  uid: number;
  /** Poll that first saw it; it was born in (prevPoll, firstSeen]. */
  firstSeen: number;
  prevPoll: number;
  /** Last poll that saw it. */
  lastSeen: number;
}

/** The four tables polled, in order, with the sockstat count of the sockets each can show. */
const TABLES: ReadonlyArray<{ file: string; proto: 'tcp' | 'udp'; family: 4 | 6; inUse: keyof SocketsInUse }> = [
  { file: 'net/tcp', proto: 'tcp', family: 4, inUse: 'tcp' },
  { file: 'net/tcp6', proto: 'tcp', family: 6, inUse: 'tcp6' },
  { file: 'net/udp', proto: 'udp', family: 4, inUse: 'udp' },
  { file: 'net/udp6', proto: 'udp', family: 6, inUse: 'udp6' },
];

/**
 * Polls /proc/net/{tcp,tcp6,udp,udp6} and tracks connection sockets by inode
 * (unique among live sockets): each poll reports births (new inodes) and
 * deaths (inodes gone). Listening and unconnected UDP sockets are not
 * connections; ownerless sockets (inode 0, TIME_WAIT) are counted, not tracked.
 * A table is not read when /proc/net/sockstat{,6} counts no socket of its
 * kind and the last poll saw no connection in it (then its ownerless rows,
 * e.g. IPv6 TIME_WAIT, go uncounted).
 */
export class SocketScanner {
  /** Connections alive at the last poll, by inode. */
  readonly live = new Map<number, LiveSocket>();
  /** Anomalies in the tables (malformed lines). */
  readonly weird = new WeirdCounter();
  /** Ownerless sockets seen at the last poll. */
  ownerless = 0;
  private readonly scratches = TABLES.map(() => new ScratchBuffer());
  private readonly rows = TABLES.map((): SocketRow[] => []);
  private readonly lengths = TABLES.map(() => 0);
  /** Connections each table held at the last poll. */
  private readonly liveCounts = TABLES.map(() => 0);
  private readonly listening = new Uint8Array(65536);
  private readonly littleEndian = endianness() === 'LE';
  private readonly paths: string[];
  private lastPoll = 0;

  constructor(private readonly procRoot = '/proc') {
    this.paths = TABLES.map((t) => `${procRoot}/${t.file}`);
  }

  /**
   * One poll at time `now` (epoch seconds, increasing from poll to poll).
   * New sockets are pushed to `births`, vanished ones (not stamped with
   * `lastSeen = now` by this poll) to `deaths`; both are cleared first.
   * @example scanner.poll(Date.now() / 1000, births, deaths)
   */
  poll(now: number, births: LiveSocket[], deaths: LiveSocket[]): void {
    births.length = 0;
    deaths.length = 0;
    this.listening.fill(0);
    this.ownerless = 0;
    const inUse = socketsInUse(this.procRoot, this.scratches[0]);
    for (let t = 0; t < TABLES.length; t++) {
      if (inUse[TABLES[t].inUse] === 0 && this.liveCounts[t] === 0) this.lengths[t] = 0;
      else this.readTable(t);
    }
    for (let t = 0; t < TABLES.length; t++) this.collect(t, now, births);
    for (const socket of this.live.values()) {
      if (socket.lastSeen === now) continue;
      this.live.delete(socket.inode);
      deaths.push(socket);
    }
    this.lastPoll = now;
  }

  /** Reads and parses table `t`, marking its listening ports. */
  private readTable(t: number): void {
    const scratch = this.scratches[t];
    const length = readProcInto(this.paths[t], scratch, MAX_NET_TABLE_BYTES, MAX_NET_LINE_BYTES);
    const count = length < 0 ? 0 : parseNetTable(scratch.buf, length, TABLES[t].family, this.rows[t], this.weird);
    this.lengths[t] = count;
    for (let i = 0; i < count; i++) if (this.rows[t][i].state === TCP_LISTEN) this.listening[this.rows[t][i].localPort] = 1;
  }

  /** Marks the connections of table `t` seen, adding new ones to `births`. */
  private collect(t: number, now: number, births: LiveSocket[]): void {
    const { proto, family } = TABLES[t];
    let seen = 0;
    for (let i = 0; i < this.lengths[t]; i++) {
      const row = this.rows[t][i];
      if (row.state === TCP_LISTEN || row.remotePort === 0) continue;
      if (row.inode === 0) { this.ownerless++; continue; }
      seen++;
      const known = this.live.get(row.inode);
      if (known) { known.lastSeen = now; continue; }
      const socket = this.describe(t, row, proto, family, now);
      this.live.set(row.inode, socket);
      births.push(socket);
    }
    this.liveCounts[t] = seen;
  }

  /** A new LiveSocket for `row` (addresses decoded only here, once per connection). */
  private describe(t: number, row: SocketRow, proto: 'tcp' | 'udp', family: 4 | 6, now: number): LiveSocket {
    const buf = this.scratches[t].buf;
    return {
      inode: row.inode,
      proto,
      family,
      localAddr: formatHexAddress(buf, row.localHex, family, this.littleEndian),
      localPort: row.localPort,
      remoteAddr: formatHexAddress(buf, row.remoteHex, family, this.littleEndian),
      remotePort: row.remotePort,
      state: stateName(row.state),
      direction: this.listening[row.localPort] === 1 ? 'in' : 'out',
      uid: row.uid,
      firstSeen: now,
      prevPoll: this.lastPoll,
      lastSeen: now,
    };
  }
}
