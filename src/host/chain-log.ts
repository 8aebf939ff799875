import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { InputError } from '../cli/command.js';
import { canonicalJson } from './canonical-json.js';
import { checkpointMac, GENESIS_HASH, recordHash, type ChainedRecord, type Checkpoint } from './chain-hash.js';

/** Options of an append-only log. */
export interface ChainLogOptions {
  /** NDJSON log of records. */
  path: string;
  /** Separate NDJSON file of checkpoints (default: `<path>.checkpoints`). */
  checkpointPath?: string;
  /** Checkpoint key (see host-key.ts); kept outside both files. */
  checkpointKey: Buffer;
  /** Write a checkpoint after every N records (and on close). */
  checkpointEvery: number;
}

/**
 * Append-only NDJSON log with a hash chain: each record carries its position,
 * the hash of the record before and its own hash. Every N records a
 * checkpoint (count + head hash, HMAC'd) goes to a separate file, so even a
 * rewrite of the whole chain is caught by `verifyChainLog`. Reopening an
 * existing log continues its chain.
 */
export class ChainLog {
  private readonly fd: number;
  private readonly checkpointFd: number;
  private seq = 0;
  private head = GENESIS_HASH;
  private sinceCheckpoint = 0;

  constructor(private readonly options: ChainLogOptions) {
    if (existsSync(options.path)) this.resume(readFileSync(options.path, 'utf8'));
    this.fd = openSync(options.path, 'a');
    this.checkpointFd = openSync(options.checkpointPath ?? `${options.path}.checkpoints`, 'a');
  }

  /**
   * Appends `payload` as the next record and returns its sequence number.
   * @example log.append({ kind: 'birth', ts: 1790000000.5, inode: 42 })
   */
  append(payload: Record<string, unknown>, now: number): number {
    const record: Record<string, unknown> = { ...payload, seq: this.seq, prev: this.head };
    record.hash = recordHash(record);
    writeSync(this.fd, canonicalJson(record) + '\n');
    this.head = record.hash as string;
    this.seq++;
    if (++this.sinceCheckpoint >= this.options.checkpointEvery) this.checkpoint(now);
    return this.seq - 1;
  }

  /** Writes a checkpoint of the current length and head (nothing when no record came since the last). */
  checkpoint(now: number): void {
    if (this.sinceCheckpoint === 0 || this.seq === 0) return;
    const line: Checkpoint = { count: this.seq, head: this.head, ts: now, mac: checkpointMac(this.options.checkpointKey, this.seq, this.head, now) };
    writeSync(this.checkpointFd, canonicalJson(line) + '\n');
    this.sinceCheckpoint = 0;
  }

  /** Final checkpoint, then closes both files. */
  close(now: number): void {
    this.checkpoint(now);
    closeSync(this.fd);
    closeSync(this.checkpointFd);
  }

  /** Continues after the last complete record of an existing log. */
  private resume(text: string): void {
    const lines = text.split('\n');
    if (lines[lines.length - 1] !== '') throw new InputError(`${this.options.path}: last line is incomplete; run "tracer host verify" before appending`);
    const last = lines.length >= 2 ? lines[lines.length - 2] : '';
    if (last === '') return;
    let record: ChainedRecord;
    try {
      record = JSON.parse(last) as ChainedRecord;
    } catch {
      throw new InputError(`${this.options.path}: line ${lines.length - 1}: not JSON; run "tracer host verify"`);
    }
    this.seq = record.seq + 1;
    this.head = record.hash;
  }
}
