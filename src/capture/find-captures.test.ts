import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCaptureFiles } from './find-captures.js';

const root = mkdtempSync(join(tmpdir(), 'tracer-find-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findCaptureFiles', () => {
  it('finds captures recursively, sorted, and skips other files', () => {
    mkdirSync(join(root, 'b', 'c'), { recursive: true });
    for (const name of ['z.pcap', 'notes.txt', 'b/x.pcapng.gz', 'b/c/y.PCAP', 'b/c/truth.json', 'b/old.cap']) writeFileSync(join(root, name), '');
    expect(findCaptureFiles(root)).toEqual(['b/c/y.PCAP', 'b/old.cap', 'b/x.pcapng.gz', 'z.pcap'].map((n) => join(root, n)));
  });
});
