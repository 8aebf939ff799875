import type { DataChannel } from './data-channel.js';
import { EXPECTATION_TTL_SECONDS, MAX_EXPECTED_CHANNELS } from './limits.js';

/**
 * Data connections announced on FTP control channels, so that the connection
 * that then opens can be marked `ftp-data`. Keyed by responder address and
 * port; the originator must match too. Bounded in size and time.
 */
export class DataChannelExpectations {
  private readonly byTarget = new Map<string, { origH: string; until: number }>();

  /** Records an announced channel at time `ts`. */
  add(channel: DataChannel, ts: number): void {
    if (this.byTarget.size >= MAX_EXPECTED_CHANNELS) {
      const oldest = this.byTarget.keys().next().value as string;
      this.byTarget.delete(oldest);
    }
    const key = `${channel.respH}|${channel.respP}`;
    this.byTarget.delete(key);
    this.byTarget.set(key, { origH: channel.origH, until: ts + EXPECTATION_TTL_SECONDS });
  }

  /** True (once) when a connection from `origH` to `respH`:`respP` at `ts` was announced. */
  take(origH: string, respH: string, respP: number, ts: number): boolean {
    const key = `${respH}|${respP}`;
    const hit = this.byTarget.get(key);
    if (hit === undefined || hit.origH !== origH || ts > hit.until) return false;
    this.byTarget.delete(key);
    return true;
  }
}
