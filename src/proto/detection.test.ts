import { describe, expect, it } from 'vitest';
import type { AnalyzerFactory } from './analyzer.js';
import { MAX_DETECT_BYTES, detectProtocol } from './detection.js';

function factory(name: string, ports: number[], verdict: (b: Uint8Array) => 'yes' | 'no' | 'more'): AnalyzerFactory {
  return { name, transport: 'tcp', ports, detect: (_o, b) => verdict(b), create: () => { throw new Error('unused'); } };
}

const yesOnX = factory('x', [1], (b) => (b[0] === 0x58 ? 'yes' : 'no'));
const moreUntil4 = factory('m', [2], (b) => (b.length < 4 ? 'more' : 'no'));

describe('detectProtocol', () => {
  it('prefers content, then waits while undecided, then falls back to the port', () => {
    expect(detectProtocol([moreUntil4, yesOnX], true, new Uint8Array([0x58]), 2)).toMatchObject({ kind: 'attach', byPort: false, factory: yesOnX });
    expect(detectProtocol([moreUntil4, yesOnX], true, new Uint8Array([0]), 2)).toEqual({ kind: 'wait' });
    expect(detectProtocol([moreUntil4, yesOnX], true, new Uint8Array(4), 2)).toMatchObject({ kind: 'attach', byPort: true, factory: moreUntil4 });
    expect(detectProtocol([moreUntil4, yesOnX], true, new Uint8Array(4), 3)).toEqual({ kind: 'none' });
  });

  it('stops waiting once MAX_DETECT_BYTES are in', () => {
    const always = factory('a', [], () => 'more');
    expect(detectProtocol([always], true, new Uint8Array(MAX_DETECT_BYTES), 0)).toEqual({ kind: 'none' });
  });
});
