import type { AnalyzerContext } from '../analyzer.js';
import { MAX_PAIRS_PER_CONNECTION } from './limits.js';

interface PairSeen {
  answer: string;
  query: string;
  firstSeen: number;
  lastSeen: number;
  count: number;
}

/**
 * Passive DNS for one connection: which names each answered address (A/AAAA)
 * was given for, with first/last time seen and how often. A name reached
 * through a CNAME chain is recorded both under the owner of the address
 * record and under the name originally asked for. Rows go to the `pdns`
 * stream when the connection ends; the store aggregates them over
 * connections (pdns-by-address.sql).
 */
export class PassiveDnsCollector {
  private readonly pairs = new Map<string, PairSeen>();

  constructor(private readonly ctx: AnalyzerContext) {}

  /** Records the addresses of one reply; `query` is the question name ('' when none). */
  observe(query: string, owners: readonly string[], addresses: readonly string[], ts: number): void {
    for (let i = 0; i < addresses.length; i++) {
      this.add(addresses[i], owners[i], ts);
      if (query !== '' && query !== owners[i]) this.add(addresses[i], query, ts);
    }
  }

  /** Writes every pair to the `pdns` stream and forgets them. */
  flush(): void {
    for (const p of this.pairs.values()) {
      this.ctx.emit('pdns', {
        first_seen: p.firstSeen, last_seen: p.lastSeen, answer: p.answer, query: p.query, count: p.count, uid: this.ctx.uid,
      });
    }
    this.pairs.clear();
  }

  private add(answer: string, query: string, ts: number): void {
    const key = `${answer} ${query}`;
    const seen = this.pairs.get(key);
    if (seen) {
      seen.lastSeen = ts;
      seen.count++;
      return;
    }
    if (this.pairs.size >= MAX_PAIRS_PER_CONNECTION) this.flush();
    this.pairs.set(key, { answer, query, firstSeen: ts, lastSeen: ts, count: 1 });
  }
}
