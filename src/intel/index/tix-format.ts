import { createHash } from 'node:crypto';
import { InputError } from '../../cli/command.js';
import { type IndexSections, SECTION_TYPES } from './sections.js';
import { validateSections } from './tix-validate.js';

/** First bytes of every compiled index. */
export const TIX_MAGIC = 'TRACERIX';
/** Format version; bumped whenever the section list or meaning changes. */
export const TIX_VERSION = 1;
const HEADER_BYTES = 64;
const TABLE_ENTRY_BYTES = 12;
const ALIGN = 8;
const SECTION_NAMES = Object.keys(SECTION_TYPES) as Array<keyof IndexSections>;

/**
 * Serialises an index into the `.tix` format: a 64-byte header (magic,
 * version, section count, payload length, SHA-256 of the payload, reserved
 * bytes that must be zero), then a
 * section table (element count, file offset, byte length per section) and
 * the sections themselves, each 8-byte aligned. Plain data only: reading it
 * back creates views, never code or objects per indicator.
 */
export function encodeTix(sections: IndexSections): Buffer {
  let offset = align(HEADER_BYTES + SECTION_NAMES.length * TABLE_ENTRY_BYTES);
  const placed = SECTION_NAMES.map((name) => {
    const array = sections[name];
    const at = offset;
    offset = align(offset + array.byteLength);
    return { array, at };
  });
  if (offset > 0xffffffff) throw new RangeError(`Cannot write a compiled index of ${offset} bytes: at most 4 GiB`);
  const file = Buffer.alloc(offset);
  placed.forEach(({ array, at }, i) => {
    const entry = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    file.writeUInt32LE(array.length, entry);
    file.writeUInt32LE(at, entry + 4);
    file.writeUInt32LE(array.byteLength, entry + 8);
    file.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  });
  file.write(TIX_MAGIC, 0, 'latin1');
  file.writeUInt32LE(TIX_VERSION, 8);
  file.writeUInt32LE(SECTION_NAMES.length, 12);
  file.writeUInt32LE(offset - HEADER_BYTES, 16);
  createHash('sha256').update(file.subarray(HEADER_BYTES)).digest().copy(file, 24);
  return file;
}

/**
 * Reads a `.tix` file's bytes back into index sections: checks magic,
 * version, length, checksum and every section's bounds, then makes typed-array
 * views over the same memory (no copy when the buffer is 8-byte aligned).
 * Any damage throws a one-line {@link InputError} naming `file` and the byte offset.
 */
export function decodeTix(bytes: Buffer, file: string): IndexSections {
  const fail = (at: number, what: string): never => { throw new InputError(`${file}: not a valid compiled index at byte ${at}: ${what}`); };
  if (bytes.length < HEADER_BYTES) fail(bytes.length, `file is ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  if (bytes.toString('latin1', 0, 8) !== TIX_MAGIC) fail(0, `missing "${TIX_MAGIC}" magic (not a tracer intel compile output)`);
  const version = bytes.readUInt32LE(8);
  if (version !== TIX_VERSION) fail(8, `format version ${version}; this tracer reads version ${TIX_VERSION} (recompile the feeds)`);
  if (bytes.readUInt32LE(12) !== SECTION_NAMES.length) fail(12, `expected ${SECTION_NAMES.length} sections, header says ${bytes.readUInt32LE(12)}`);
  if (bytes.readUInt32LE(20) !== 0 || bytes.readBigUInt64LE(56) !== 0n) fail(20, 'reserved header bytes are not zero');
  const payload = bytes.readUInt32LE(16);
  if (payload !== bytes.length - HEADER_BYTES) fail(Math.min(bytes.length, HEADER_BYTES + payload), `truncated or extended: header says ${payload + HEADER_BYTES} bytes, file has ${bytes.length}`);
  const digest = createHash('sha256').update(bytes.subarray(HEADER_BYTES)).digest();
  if (!digest.equals(bytes.subarray(24, 56))) fail(HEADER_BYTES, 'SHA-256 checksum of the payload does not match (file damaged)');
  const base = bytes.byteOffset % ALIGN === 0 ? bytes : Buffer.from(bytes);
  const sections = {} as Record<string, unknown>;
  SECTION_NAMES.forEach((name, i) => {
    const entry = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
    const count = base.readUInt32LE(entry);
    const at = base.readUInt32LE(entry + 4);
    const byteLength = base.readUInt32LE(entry + 8);
    const Type = SECTION_TYPES[name];
    if (at % ALIGN !== 0 || at + byteLength > base.length || count * Type.BYTES_PER_ELEMENT !== byteLength) {
      fail(entry, `section ${name} (offset ${at}, ${byteLength} bytes, ${count} elements) is out of bounds or misaligned`);
    }
    sections[name] = new Type(base.buffer as ArrayBuffer, base.byteOffset + at, count);
  });
  const problem = validateSections(sections as unknown as IndexSections);
  if (problem) fail(HEADER_BYTES, problem);
  return sections as unknown as IndexSections;
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
