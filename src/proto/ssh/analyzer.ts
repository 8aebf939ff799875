import { createHash } from 'node:crypto';
import type { AnalyzerContext, AppAnalyzer } from '../analyzer.js';
import { findLineEnd, latin1, lineTextEnd } from '../bytes.js';
import { parseKexInit } from './kexinit.js';
import { MAX_BANNER_BYTES, MAX_CLEAR_PACKET_BYTES, MAX_PRE_BANNER_LINES } from './limits.js';
import { SshSession } from './session.js';

const enum Phase { Banner, Clear, Encrypted, Stopped }

const MSG_KEXINIT = 20, MSG_NEWKEYS = 21, MSG_KEXDH_REPLY = 31, MSG_KEX_DH_GEX_REPLY = 33;

/** Streaming SSH analyzer for one connection: ssh.log. */
export class SshAnalyzer implements AppAnalyzer {
  private readonly session = new SshSession();
  private readonly phase = [Phase.Banner, Phase.Banner];
  private readonly preBannerLines = [0, 0];

  constructor(private readonly ctx: AnalyzerContext) {}

  deliver(isOrig: boolean, data: Uint8Array, ts: number): number {
    const side = isOrig ? 0 : 1;
    let pos = 0;
    for (let step = 0; step <= data.length && pos < data.length; step++) {
      const phase = this.phase[side];
      if (phase === Phase.Stopped) return data.length;
      if (phase === Phase.Encrypted) {
        this.session.auth.segment(isOrig, data.length - pos);
        return data.length;
      }
      const next = phase === Phase.Banner ? this.banner(isOrig, data, pos, ts) : this.packet(isOrig, data, pos);
      if (next === pos) return pos;
      pos = next;
    }
    return data.length;
  }

  /** Zeek stops analysing a connection after a content gap; so does Tracer. */
  gap(_isOrig: boolean, _length: number, _ts: number): void {
    this.phase[0] = this.phase[1] = Phase.Stopped;
  }

  datagram(_isOrig: boolean, _data: Uint8Array, _ts: number): void {
    this.ctx.weird('ssh_unexpected_datagram');
  }

  end(_ts: number): void {
    if (this.session.client !== null || this.session.server !== null) this.ctx.emit('ssh', this.session.record(this.ctx));
  }

  private banner(isOrig: boolean, data: Uint8Array, pos: number, ts: number): number {
    const side = isOrig ? 0 : 1;
    const lf = findLineEnd(data, pos, MAX_BANNER_BYTES);
    if (lf < 0) {
      if (data.length - pos >= MAX_BANNER_BYTES) this.stop(side, 'ssh_banner_too_long');
      return this.phase[side] === Phase.Stopped ? data.length : pos;
    }
    const line = latin1(data, pos, lineTextEnd(data, pos, lf));
    if (!line.startsWith('SSH-')) {
      if (isOrig || ++this.preBannerLines[side] > MAX_PRE_BANNER_LINES) this.stop(side, 'ssh_bad_banner');
      return lf + 1;
    }
    this.session.ts ??= ts;
    this.ctx.setService('ssh');
    if (isOrig) this.session.client = line;
    else this.session.server = line;
    this.phase[side] = /^SSH-(2\.|1\.99)/.test(line) ? Phase.Clear : Phase.Stopped;
    return lf + 1;
  }

  private packet(isOrig: boolean, data: Uint8Array, pos: number): number {
    const side = isOrig ? 0 : 1;
    if (data.length - pos < 5) return pos;
    const view = new DataView(data.buffer, data.byteOffset + pos, 5);
    const length = view.getUint32(0);
    const padding = view.getUint8(4);
    if (length < 5 || length > MAX_CLEAR_PACKET_BYTES || padding + 1 >= length) {
      this.stop(side, 'ssh_bad_packet_length');
      return data.length;
    }
    if (data.length - pos < 4 + length) return pos;
    const payload = data.subarray(pos + 5, pos + 4 + length - padding);
    const end = pos + 4 + length;
    switch (payload[0]) {
      case MSG_KEXINIT: this.kexInit(isOrig, payload); break;
      case MSG_KEXDH_REPLY:
      case MSG_KEX_DH_GEX_REPLY: if (!isOrig) this.hostKey(payload); break;
      case MSG_NEWKEYS:
        this.phase[side] = Phase.Encrypted;
        if (end < data.length) this.session.auth.segment(isOrig, data.length - end);
        return data.length;
    }
    return end;
  }

  private kexInit(isOrig: boolean, payload: Uint8Array): void {
    const kex = parseKexInit(payload);
    if (kex === null) this.ctx.weird('ssh_bad_kexinit');
    else if (isOrig) this.session.clientKex = kex;
    else this.session.serverKex = kex;
  }

  /** Host key of a (EC)DH reply; a group-exchange kex uses 31 for its GROUP message, so only 33 counts there. */
  private hostKey(payload: Uint8Array): void {
    const gex = (this.session.kexAlg() ?? '').includes('group-exchange');
    if ((payload[0] === MSG_KEX_DH_GEX_REPLY) !== gex || payload.length < 5) return;
    const length = new DataView(payload.buffer, payload.byteOffset + 1, 4).getUint32(0);
    if (5 + length > payload.length) {
      this.ctx.weird('ssh_bad_host_key');
      return;
    }
    const digest = createHash('md5').update(payload.subarray(5, 5 + length)).digest('hex');
    this.session.hostKey = digest.match(/../g)!.join(':');
  }

  private stop(side: number, weird: string): void {
    this.ctx.weird(weird);
    this.phase[side] = Phase.Stopped;
  }
}
