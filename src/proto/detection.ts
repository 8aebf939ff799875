import type { AnalyzerFactory } from './analyzer.js';

/** First bytes of a direction offered to content detection; a protocol still undecided after them is not recognised. */
export const MAX_DETECT_BYTES = 1024;

/** What content detection (then the port hint) decided for a connection. */
export type Detection = { kind: 'attach'; factory: AnalyzerFactory; byPort: boolean } | { kind: 'wait' } | { kind: 'none' };

const WAIT: Detection = { kind: 'wait' };
const NONE: Detection = { kind: 'none' };

/**
 * Chooses the analyzer for a connection from the first in-order bytes of one
 * direction: the first factory whose `detect()` says yes; `wait` while one
 * says more (within MAX_DETECT_BYTES); else the factory whose well-known
 * ports include the responder port; else none.
 */
export function detectProtocol(factories: readonly AnalyzerFactory[], isOrig: boolean, first: Uint8Array, respPort: number): Detection {
  const bytes = first.subarray(0, MAX_DETECT_BYTES);
  let undecided = false;
  for (const factory of factories) {
    const verdict = factory.detect(isOrig, bytes);
    if (verdict === 'yes') return { kind: 'attach', factory, byPort: false };
    if (verdict === 'more') undecided = true;
  }
  if (undecided && first.length < MAX_DETECT_BYTES) return WAIT;
  return portHint(factories, respPort) ?? NONE;
}

/** The factory whose well-known ports include `respPort`, as an attach decision; null when none. */
export function portHint(factories: readonly AnalyzerFactory[], respPort: number): Detection | null {
  const factory = factories.find((f) => f.ports.includes(respPort));
  return factory === undefined ? null : { kind: 'attach', factory, byPort: true };
}
