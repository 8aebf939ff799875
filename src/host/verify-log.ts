import { timingSafeEqual } from 'node:crypto';
import { checkpointMac, GENESIS_HASH, recordHash, type ChainedRecord, type Checkpoint } from './chain-hash.js';

/** One integrity problem, located by line (1-based) and byte offset in its file. */
export interface LogProblem {
  /** Stable code: record_edited, record_rehashed, record_missing, record_out_of_order, record_unparseable, record_truncated, record_unterminated, log_truncated, log_rewritten, checkpoint_forged, checkpoint_unparseable. */
  code: string;
  file: 'log' | 'checkpoints';
  line: number;
  offset: number;
  message: string;
}

/** Outcome of a verification. */
export interface VerifyResult {
  records: number;
  checkpoints: number;
  /** Checkpoints whose MAC was checked (0 without a key). */
  authenticated: number;
  problems: LogProblem[];
}

/** A line of text with its position. */
interface Line { text: string; line: number; offset: number }

/**
 * Verifies a hash-chained log and its checkpoints. Chain checks find an edited
 * record (its hash no longer matches), a deleted one (a gap in `seq`), an
 * inserted or reordered one (`seq` out of order), one edited and re-hashed
 * (the next record's `prev` no longer links) and a cut line. Checkpoints,
 * authenticated with `key`, find a truncated log and a rewritten chain, and a
 * forged checkpoint fails its MAC.
 * @example verifyChainLog(readFileSync(log, 'utf8'), readFileSync(log + '.checkpoints', 'utf8'), keys.checkpoint)
 */
export function verifyChainLog(logText: string, checkpointText: string | null, key: Buffer | null): VerifyResult {
  const problems: LogProblem[] = [];
  const hashes = verifyRecords(splitLines(logText), logText.endsWith('\n'), problems);
  const checkpoints = splitLines(checkpointText ?? '');
  let authenticated = 0;
  let lastGood = 0;
  for (const line of checkpoints) {
    const verdict = verifyCheckpoint(line, hashes, key, lastGood, problems);
    if (verdict.authenticated) authenticated++;
    if (verdict.goodCount > 0) lastGood = verdict.goodCount;
  }
  return { records: hashes.length, checkpoints: checkpoints.length, authenticated, problems };
}

/** Non-empty lines with their 1-based numbers and byte offsets; a last line without newline is kept. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let number = 1;
  for (const text1 of text.split('\n')) {
    if (text1 !== '') lines.push({ text: text1, line: number, offset });
    offset += Buffer.byteLength(text1) + 1;
    number++;
  }
  return lines;
}

/** Checks the chain; returns the hash of each seq position as found (for checkpoints). */
function verifyRecords(lines: Line[], terminated: boolean, problems: LogProblem[]): string[] {
  const hashes: string[] = [];
  let expectedSeq = 0;
  let prevHash = GENESIS_HASH;
  const fail = (l: Line, code: string, message: string): void => { problems.push({ code, file: 'log', line: l.line, offset: l.offset, message }); };
  for (const l of lines) {
    const record = parseRecord(l.text);
    const isCut = !terminated && l === lines[lines.length - 1];
    if (!record) {
      fail(l, isCut ? 'record_truncated' : 'record_unparseable', 'not a complete JSON record');
      continue;
    }
    if (isCut) fail(l, 'record_unterminated', 'last record has no newline: the log was cut or its final write did not finish');
    if (recordHash(record) !== record.hash) fail(l, 'record_edited', `record seq ${record.seq} does not match its own hash: its content was changed`);
    else if (record.seq > expectedSeq) fail(l, 'record_missing', `seq ${record.seq} follows seq ${expectedSeq - 1}: ${record.seq - expectedSeq} record(s) deleted before this line`);
    else if (record.seq < expectedSeq) fail(l, 'record_out_of_order', `seq ${record.seq} where seq ${expectedSeq} was expected: record inserted or reordered`);
    else if (record.prev !== prevHash) fail(l, 'record_rehashed', `previous-hash link broken: the record before this line (line ${l.line - 1}) was altered and re-hashed, or replaced`);
    hashes[record.seq] ??= record.hash;
    expectedSeq = Math.max(expectedSeq, record.seq + 1);
    prevHash = record.hash;
  }
  return hashes;
}

/** Parses one record line, or null when it is not a chained record. */
function parseRecord(text: string): ChainedRecord | null {
  try {
    const value = JSON.parse(text) as ChainedRecord;
    const ok = value !== null && typeof value === 'object' && Number.isSafeInteger(value.seq) && typeof value.prev === 'string' && typeof value.hash === 'string';
    return ok ? value : null;
  } catch {
    return null;
  }
}

/** What one checkpoint proved: its MAC verified, and the record count it vouches for (0 if none). */
interface CheckpointVerdict { authenticated: boolean; goodCount: number }

/** Checks one checkpoint line against the records; `lastGood` is the count the previous sound checkpoint vouched for. */
function verifyCheckpoint(l: Line, hashes: string[], key: Buffer | null, lastGood: number, problems: LogProblem[]): CheckpointVerdict {
  const fail = (code: string, message: string): void => { problems.push({ code, file: 'checkpoints', line: l.line, offset: l.offset, message }); };
  let cp: Checkpoint;
  try {
    cp = JSON.parse(l.text) as Checkpoint;
  } catch {
    fail('checkpoint_unparseable', 'not a JSON checkpoint');
    return { authenticated: false, goodCount: 0 };
  }
  if (!Number.isSafeInteger(cp?.count) || typeof cp.head !== 'string' || typeof cp.mac !== 'string' || typeof cp.ts !== 'number') {
    fail('checkpoint_unparseable', 'checkpoint lacks count, head, ts or mac');
    return { authenticated: false, goodCount: 0 };
  }
  if (key && !sameHex(checkpointMac(key, cp.count, cp.head, cp.ts), cp.mac)) {
    fail('checkpoint_forged', `checkpoint of ${cp.count} records fails its MAC: forged or edited (or wrong key)`);
    return { authenticated: false, goodCount: 0 };
  }
  let goodCount = cp.count;
  if (cp.count > hashes.length) {
    fail('log_truncated', `checkpoint covers ${cp.count} records but the log holds ${hashes.length}: records from seq ${hashes.length} on were removed`);
    goodCount = 0;
  } else if (hashes[cp.count - 1] !== cp.head) {
    fail('log_rewritten', `record seq ${cp.count - 1} differs from the checkpointed head: the chain was rewritten within seq ${lastGood}…${cp.count - 1} (after the last matching checkpoint)`);
    goodCount = 0;
  }
  return { authenticated: key !== null, goodCount };
}

/** Constant-time comparison of two hex strings. */
function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
