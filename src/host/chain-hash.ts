import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** `prev` of the first record of a log. */
export const GENESIS_HASH = '0'.repeat(64);

/** A log line: its payload plus its place in the chain. */
export interface ChainedRecord {
  /** 0-based position in the log. */
  seq: number;
  /** `hash` of the record before (GENESIS_HASH for the first). */
  prev: string;
  /** SHA-256 of the canonical JSON of every other field. */
  hash: string;
  [field: string]: unknown;
}

/** A checkpoint line: the log's length and head, authenticated with a key kept outside the log. */
export interface Checkpoint {
  /** Records covered (seq 0 … count-1). */
  count: number;
  /** `hash` of record count-1. */
  head: string;
  /** Time written, epoch seconds. */
  ts: number;
  /** HMAC-SHA256(checkpoint key, canonical JSON of count, head, ts). */
  mac: string;
}

/**
 * Hash of a record: SHA-256 over the canonical JSON of all its fields but `hash`.
 * @example recordHash({ seq: 0, prev: GENESIS_HASH, kind: 'birth' })
 */
export function recordHash(record: Record<string, unknown>): string {
  const { hash: _hash, ...body } = record;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** MAC of a checkpoint's count, head and time. */
export function checkpointMac(key: Buffer, count: number, head: string, ts: number): string {
  return createHmac('sha256', key).update(canonicalJson({ count, head, ts })).digest('hex');
}
