import { contextToText } from '../context-text.js';
import type { LoadedFeed } from '../types.js';
import { BlobWriter } from './blob-writer.js';
import { buildKeyTable } from './key-table.js';
import { groupIpv4, groupIpv6 } from './ip-groups.js';
import { parseIpv4, parseIpv6 } from './ip-parse.js';
import { maskAnchor } from './mask-anchor.js';
import { FEED_ALLOWLIST, FEED_PARENTS, type IndexSections, KEY_DOMAIN, KEY_HASH, KEY_URL, KIND_CODES } from './sections.js';

/** Most feeds in one index (feed numbers are 16-bit). */
export const MAX_FEEDS = 65535;

/** What went into an index, for the compile report. */
export interface BuildStats { feeds: number; records: number; ipv4: number; ipv6: number; keys: number; residualMasks: number }

/**
 * Builds the typed-array index from loaded feeds: IPs and CIDRs into
 * prefix-length groups, domains, URLs, URL-mask anchors and hashes into one
 * hash table of string keys, every string once in a UTF-8 blob.
 */
export function buildIndex(feeds: LoadedFeed[]): { sections: IndexSections; stats: BuildStats } {
  if (feeds.length > MAX_FEEDS) throw new RangeError(`Cannot index ${feeds.length} feeds: at most ${MAX_FEEDS}`);
  const total = feeds.reduce((n, f) => n + f.indicators.length, 0);
  const blob = new BlobWriter();
  const feedText = new Uint32Array(feeds.length * 2);
  const feedFlags = new Uint8Array(feeds.length);
  const recText = new Uint32Array(total * 4);
  const recFeed = new Uint16Array(total);
  const recKind = new Uint8Array(total);
  const recValid = new Float64Array(total * 2);
  const v4 = { net: new Uint32Array(total), len: new Uint8Array(total), rec: new Uint32Array(total), count: 0 };
  const v6 = { net: new Uint32Array(total * 4), len: new Uint8Array(total), rec: new Uint32Array(total), count: 0 };
  const keys = { text: [] as string[], rec: new Uint32Array(total) };
  const words = new Uint32Array(4);
  let residualMasks = 0;
  let r = 0;
  feeds.forEach((feed, f) => {
    feedText[f * 2] = blob.add(feed.options.name);
    feedText[f * 2 + 1] = Buffer.byteLength(feed.options.name);
    feedFlags[f] = (feed.options.parentDomains ? FEED_PARENTS : 0) | (feed.options.allowlist ? FEED_ALLOWLIST : 0);
    for (const indicator of feed.indicators) {
      const context = contextToText(indicator.context);
      recText[r * 4] = blob.append(indicator.value);
      recText[r * 4 + 1] = Buffer.byteLength(indicator.value);
      recText[r * 4 + 2] = blob.add(context);
      recText[r * 4 + 3] = Buffer.byteLength(context);
      recFeed[r] = f;
      recKind[r] = KIND_CODES[indicator.kind];
      recValid[r * 2] = indicator.validFrom;
      recValid[r * 2 + 1] = indicator.validUntil;
      const value = indicator.value;
      if (indicator.kind === 'ip') {
        const slash = value.indexOf('/');
        const end = slash < 0 ? value.length : slash;
        const v4Address = parseIpv4(value, 0, end);
        if (v4Address >= 0) {
          v4.net[v4.count] = v4Address;
          v4.len[v4.count] = slash < 0 ? 32 : Number(value.slice(slash + 1));
          v4.rec[v4.count++] = r;
        } else if (parseIpv6(value, 0, end, words)) {
          v6.net.set(words, v6.count * 4);
          v6.len[v6.count] = slash < 0 ? 128 : Number(value.slice(slash + 1));
          v6.rec[v6.count++] = r;
        }
      } else if (indicator.kind === 'url' && value.includes('*')) {
        const anchor = maskAnchor(value);
        if (anchor.key === '') residualMasks++;
        keys.rec[keys.text.length] = r;
        keys.text.push(String.fromCharCode(anchor.kind) + anchor.key);
      } else {
        const kind = indicator.kind === 'domain' ? KEY_DOMAIN : indicator.kind === 'hash' ? KEY_HASH : KEY_URL;
        keys.rec[keys.text.length] = r;
        keys.text.push(String.fromCharCode(kind) + value);
      }
      r++;
    }
  });
  const keyTable = buildKeyTable(keys.text, keys.rec, blob);
  const ipv4 = groupIpv4(v4.net.subarray(0, v4.count), v4.len.subarray(0, v4.count), v4.rec.subarray(0, v4.count));
  const ipv6 = groupIpv6(v6.net.subarray(0, v6.count * 4), v6.len.subarray(0, v6.count), v6.rec.subarray(0, v6.count));
  const sections: IndexSections = {
    blob: blob.view(), feedText, feedFlags, recText, recFeed, recKind, recValid,
    v4Net: ipv4.net, v4Rec: ipv4.rec, v4Groups: ipv4.groups, v6Net: ipv6.net, v6Rec: ipv6.rec, v6Groups: ipv6.groups,
    ...keyTable,
  };
  return { sections, stats: { feeds: feeds.length, records: total, ipv4: v4.count, ipv6: v6.count, keys: keys.text.length, residualMasks } };
}
