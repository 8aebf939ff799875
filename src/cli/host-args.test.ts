import { describe, expect, it } from 'vitest';
import { durationSeconds, parseHostArgs, positiveInt } from './host-args.js';

describe('host option parsing', () => {
  it('reads durations with units', () => {
    expect(durationSeconds('1s', '--interval')).toBe(1);
    expect(durationSeconds('250ms', '--interval')).toBe(0.25);
    expect(durationSeconds('2m', '--duration')).toBe(120);
    expect(durationSeconds('3', '--duration')).toBe(3);
    expect(() => durationSeconds('0s', '--interval')).toThrow('--interval needs a positive duration such as 1s or 500ms, got "0s"');
  });

  it('reads positive integers only', () => {
    expect(positiveInt('20', '--top')).toBe(20);
    expect(() => positiveInt('2.5', '--top')).toThrow('--top needs a positive integer, got "2.5"');
  });

  it('turns unknown options into one-line usage errors', () => {
    expect(() => parseHostArgs(['--bogus'], { top: { type: 'string' } }, 'watch')).toThrow(/^host watch: Unknown option '--bogus'/);
  });
});
