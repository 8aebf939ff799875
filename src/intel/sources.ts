import { loadFeed, parseFeedSpec } from './feeds/load-feed.js';
import { buildIndex } from './index/build-index.js';
import { IntelIndex } from './index/intel-index.js';
import { loadTix } from './index/load-index.js';
import type { IndexSet } from './server/answer.js';
import type { FeedProblem } from './types.js';

/** What to serve: feed specs (built into one index at start-up) and compiled `.tix` files (one index each). */
export interface SourceSpecs { feeds: readonly string[]; tix: readonly string[] }

/**
 * Loads every source into a new, immutable {@link IndexSet}; the caller swaps
 * it in whole (reload never changes an index being read). Feed problems go to
 * `onProblem`; unreadable files throw one-line errors.
 */
export function loadIndexSet(specs: SourceSpecs, onProblem: (problem: FeedProblem) => void): IndexSet {
  const indexes: IntelIndex[] = [];
  if (specs.feeds.length > 0) {
    const feeds = specs.feeds.map((spec) => loadFeed(parseFeedSpec(spec)));
    for (const feed of feeds) feed.problems.forEach(onProblem);
    indexes.push(new IntelIndex(buildIndex(feeds).sections));
  }
  for (const path of specs.tix) indexes.push(loadTix(path));
  return { indexes, records: indexes.reduce((n, index) => n + index.size, 0) };
}
