import { describe, expect, it } from 'vitest';
import { AuthInference } from './auth-inference.js';

function infer(sizes: Array<[boolean, number]>): AuthInference {
  const a = new AuthInference();
  for (const [isOrig, len] of sizes) a.segment(isOrig, len);
  return a;
}

describe('AuthInference (Zeek SSH.cc heuristic)', () => {
  it('counts repeats of the first failure size as failed attempts', () => {
    const a = infer([[true, 64], [false, 64], [true, 96], [false, 80], [true, 96], [false, 80], [true, 96], [false, 80]]);
    expect([a.attempts, a.success]).toEqual([2, false]);
  });

  it('decides success on a server segment 16 bytes shorter than SERVICE_ACCEPT', () => {
    const a = infer([[true, 64], [false, 64], [true, 96], [false, 80], [true, 96], [false, 48], [false, 80]]);
    expect([a.attempts, a.success]).toEqual([1, true]);
    expect(infer([[true, 64], [false, 64], [true, 96], [false, 48]]).success).toBe(true);
  });

  it('ignores server data before any client data and skips one large banner', () => {
    const a = infer([[false, 100], [true, 64], [false, 64], [false, 64 + 300], [false, 80], [false, 80]]);
    expect([a.attempts, a.success]).toEqual([1, false]);
  });

  it('is only a guess: a failure of SERVICE_ACCEPT size minus 16 reads as success', () => {
    expect(infer([[true, 64], [false, 64], [true, 96], [false, 48]]).success).toBe(true);
  });
});
