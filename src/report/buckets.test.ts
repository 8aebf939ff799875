import { describe, expect, it } from 'vitest';
import { bucketStart, bucketWidth, MAX_BUCKETS } from './buckets.js';

describe('bucketWidth', () => {
  it('picks the finest round width within the bucket cap', () => {
    expect(bucketWidth(60)).toBe(1);
    expect(bucketWidth(3600)).toBe(15);
    expect(bucketWidth(86400)).toBe(600);
    expect(bucketWidth(0)).toBe(1);
  });
  it('never exceeds the cap, even for years of data', () => {
    for (const span of [1e3, 1e5, 1e7, 1e9]) expect(span / bucketWidth(span)).toBeLessThanOrEqual(MAX_BUCKETS);
  });
  it('aligns bucket starts to the width', () => {
    expect(bucketStart(1795168865.5, 60)).toBe(1795168860);
  });
});
