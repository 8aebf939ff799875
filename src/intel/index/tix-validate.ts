import type { IndexSections } from './sections.js';

/**
 * Checks that every cross-reference inside the sections stays in bounds
 * (string offsets inside the blob, record numbers below the record count,
 * group bounds ordered), so even a crafted file with a valid checksum can
 * only give wrong answers, never out-of-range reads or endless loops.
 * Returns a description of the first problem, or '' when sound.
 */
export function validateSections(s: IndexSections): string {
  const records = s.recFeed.length;
  const feeds = s.feedFlags.length;
  const keys = s.keyHash.length;
  if (s.feedText.length !== feeds * 2) return 'feed table sizes disagree';
  if (s.recText.length !== records * 4 || s.recKind.length !== records || s.recValid.length !== records * 2) return 'record table sizes disagree';
  if (s.v4Rec.length !== s.v4Net.length || s.v4Groups.length !== 34) return 'IPv4 table sizes disagree';
  if (s.v6Rec.length * 4 !== s.v6Net.length || s.v6Groups.length !== 130) return 'IPv6 table sizes disagree';
  if (s.keyText.length !== keys * 2 || s.keyRec.length !== keys) return 'key table sizes disagree';
  const slots = s.keySlots.length;
  if (slots === 0 || (slots & (slots - 1)) !== 0 || slots < keys) return 'key slot table size is not a power of two above the key count';
  if (!spansInBlob(s.feedText, s.blob.length) || !spansInBlob(s.recText, s.blob.length) || !spansInBlob(s.keyText, s.blob.length)) return 'a string reaches past the blob';
  if (!below(s.recFeed, feeds) || !below(s.v4Rec, records) || !below(s.v6Rec, records) || !below(s.keyRec, records) || !below(s.keySlots, keys + 1)) {
    return 'a record, feed or key number is out of range';
  }
  if (!ordered(s.v4Groups, s.v4Rec.length) || !ordered(s.v6Groups, s.v6Rec.length)) return 'IP group bounds are not ordered';
  return '';
}

function spansInBlob(spans: Uint32Array, blobLength: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (spans[i] + spans[i + 1] > blobLength) return false;
  return true;
}

function below(values: Uint16Array | Uint32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] >= limit) return false;
  return true;
}

function ordered(groups: Uint32Array, total: number): boolean {
  for (let i = 1; i < groups.length; i++) if (groups[i] < groups[i - 1]) return false;
  return groups[0] === 0 && groups[groups.length - 1] === total;
}
