import type { FeedOptions } from '../types.js';

/** Feed options for tests: a named feed with no special matching. */
export function testOptions(name: string, extra: Partial<FeedOptions> = {}): FeedOptions {
  return { name, parentDomains: false, allowlist: false, ...extra };
}
