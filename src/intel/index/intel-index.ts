import { maskWords } from './classify.js';
import { bytesEqual, hashBytes } from './key-hash.js';
import { compareWords } from './ip-groups.js';
import { parseIpv4, parseIpv6 } from './ip-parse.js';
import type { RecordSink } from './record-sink.js';
import { FEED_ALLOWLIST, FEED_PARENTS, type IndexSections, KEY_DOMAIN, KEY_HASH, KIND_CODES } from './sections.js';
import { lookupUrlKeys } from './url-lookup.js';

/** Longest key probed, in bytes (kind byte + a URL cut at MAX_URL_LENGTH, up to 3 bytes a character). */
export const MAX_KEY_BYTES = 1 + 8192 * 3;
const HASH_LENGTHS = new Set([32, 40, 64]);

/**
 * A read-only threat-intel index over typed-array sections (built from feeds
 * or viewed from a `.tix` file). Lookups write matching record numbers into
 * a caller's {@link RecordSink} and allocate nothing for IPs and hashes.
 * Not safe to share between concurrent async callers mid-lookup (one scratch buffer).
 */
export class IntelIndex {
  readonly feedNames: string[];
  readonly scratch = Buffer.allocUnsafe(MAX_KEY_BYTES);
  private readonly blobText: Buffer;
  private readonly v4Lengths: number[] = [];
  private readonly v6Lengths: number[] = [];
  private readonly probe = new Uint32Array(4);
  private readonly address = new Uint32Array(4);

  constructor(readonly sections: IndexSections) {
    const s = sections;
    this.blobText = Buffer.from(s.blob.buffer, s.blob.byteOffset, s.blob.byteLength);
    this.feedNames = Array.from({ length: s.feedFlags.length }, (_, f) => this.text(s.feedText[f * 2], s.feedText[f * 2 + 1]));
    for (let l = 32; l >= 0; l--) if (s.v4Groups[l + 1] > s.v4Groups[l]) this.v4Lengths.push(l);
    for (let l = 128; l >= 0; l--) if (s.v6Groups[l + 1] > s.v6Groups[l]) this.v6Lengths.push(l);
  }

  /** Number of indicator records. */
  get size(): number {
    return this.sections.recFeed.length;
  }

  /** Looks up an IPv4/IPv6 address: exact entries and every containing CIDR, longest prefix first. */
  lookupIp(text: string, sink: RecordSink): void {
    const v4 = parseIpv4(text, 0, text.length);
    if (v4 >= 0) return this.lookupV4(v4, sink);
    if (!parseIpv6(text, 0, text.length, this.probe)) return;
    const p = this.probe;
    if (p[0] === 0 && p[1] === 0 && p[2] === 0xffff) this.lookupV4(p[3], sink);
    const { v6Net, v6Rec, v6Groups } = this.sections;
    this.address.set(p);
    for (const length of this.v6Lengths) {
      p.set(this.address);
      maskWords(p, length);
      let lo = v6Groups[length];
      let hi = v6Groups[length + 1];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareWords(v6Net, mid * 4, p, 0) < 0) lo = mid + 1; else hi = mid;
      }
      for (; lo < v6Groups[length + 1] && compareWords(v6Net, lo * 4, p, 0) === 0; lo++) this.accept(v6Rec[lo], sink);
    }
  }

  private lookupV4(address: number, sink: RecordSink): void {
    const { v4Net, v4Rec, v4Groups } = this.sections;
    for (const length of this.v4Lengths) {
      const network = length === 0 ? 0 : (address & (0xffffffff << (32 - length))) >>> 0;
      let lo = v4Groups[length];
      let hi = v4Groups[length + 1];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v4Net[mid] < network) lo = mid + 1; else hi = mid;
      }
      for (; lo < v4Groups[length + 1] && v4Net[lo] === network; lo++) this.accept(v4Rec[lo], sink);
    }
  }

  /** Looks up a domain name and, for feeds that ask for it, each parent domain. */
  lookupDomain(name: string, sink: RecordSink): void {
    const lower = name.toLowerCase();
    const start = lower.startsWith('www.') ? 4 : 0;
    const end = this.writeKey(KEY_DOMAIN, lower, start, lower.endsWith('.') ? lower.length - 1 : lower.length);
    if (end < 0) return;
    this.probeKey(0, end, sink, false);
    for (let i = 1; i < end; i++) {
      if (this.scratch[i] !== 0x2e) continue;
      this.scratch[i] = KEY_DOMAIN;
      this.probeKey(i, end, sink, true);
    }
  }

  /** Looks up an MD5, SHA-1 or SHA-256 in hex (any case). */
  lookupHash(hex: string, sink: RecordSink): void {
    if (!HASH_LENGTHS.has(hex.length)) return;
    const end = this.writeKey(KEY_HASH, hex.toLowerCase(), 0, hex.length);
    if (end > 0) this.probeKey(0, end, sink, false);
  }

  /** Looks up a URL: exact normalised URL and URL masks (see url-lookup.ts). */
  lookupUrl(url: string, sink: RecordSink): void {
    lookupUrlKeys(this, url, sink);
  }

  /**
   * Writes `kind` + `text[start, end)` as UTF-8 into the scratch buffer and
   * returns the key's byte length, or -1 when it does not fit.
   */
  writeKey(kind: number, text: string, start: number, end: number): number {
    if ((end - start) * 3 + 1 > MAX_KEY_BYTES) return -1;
    this.scratch[0] = kind;
    return 1 + this.scratch.write(start === 0 && end === text.length ? text : text.slice(start, end), 1);
  }

  /**
   * Adds to `sink` every valid record filed under the key in
   * `scratch[start, end)` (its first byte is the kind). With `parentsOnly`,
   * only feeds that match parent domains count.
   */
  probeKey(start: number, end: number, sink: RecordSink, parentsOnly: boolean): void {
    const { keySlots, keyHash, keyText, keyRec, blob, recFeed, feedFlags } = this.sections;
    const mask = keySlots.length - 1;
    const hash = hashBytes(this.scratch, start, end);
    const length = end - start;
    let slot = hash & mask;
    for (let probes = 0; probes < keySlots.length && keySlots[slot] !== 0; probes++, slot = (slot + 1) & mask) {
      const k = keySlots[slot] - 1;
      if (keyHash[k] !== hash || keyText[k * 2 + 1] !== length) continue;
      if (!bytesEqual(blob, keyText[k * 2], this.scratch, start, length)) continue;
      const record = keyRec[k];
      if (parentsOnly && (feedFlags[recFeed[record]] & FEED_PARENTS) === 0) continue;
      this.accept(record, sink);
    }
  }

  /** Adds `record` to the sink when it is valid at the sink's time. */
  accept(record: number, sink: RecordSink): void {
    const from = this.sections.recValid[record * 2];
    const until = this.sections.recValid[record * 2 + 1];
    if ((from === 0 || from <= sink.at) && (until === 0 || until >= sink.at)) sink.push(record);
  }

  /**
   * Final matches of one observed value: nothing when an allowlist feed
   * matched; for IPs only the longest prefix per feed. Compacts the sink.
   */
  settle(sink: RecordSink): void {
    const { recFeed, feedFlags, recKind } = this.sections;
    let kept = 0;
    for (let i = 0; i < sink.count; i++) {
      const record = sink.ids[i];
      if (feedFlags[recFeed[record]] & FEED_ALLOWLIST) { sink.count = 0; return; }
      let duplicate = false;
      if (recKind[record] === KIND_CODES.ip) for (let j = 0; j < kept; j++) if (recFeed[sink.ids[j]] === recFeed[record]) duplicate = true;
      if (!duplicate) sink.ids[kept++] = record;
    }
    sink.count = kept;
  }

  /** Feed name (CyberTrace category) of a record. */
  feedName(record: number): string {
    return this.feedNames[this.sections.recFeed[record]];
  }

  /** The feed's own indicator text of a record (a CIDR, a mask, …). */
  indicator(record: number): string {
    return this.text(this.sections.recText[record * 4], this.sections.recText[record * 4 + 1]);
  }

  /** The record's context in wire form (`field=value|…`, escaped). */
  contextText(record: number): string {
    return this.text(this.sections.recText[record * 4 + 2], this.sections.recText[record * 4 + 3]);
  }

  private text(offset: number, length: number): string {
    return this.blobText.toString('utf8', offset, offset + length);
  }
}
