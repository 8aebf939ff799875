import { classifyIndicator } from '../index/classify.js';
import type { FeedOptions, FeedProblem, Indicator, IndicatorKind, LoadedFeed } from '../types.js';

/** Problems kept per feed; beyond this only the count grows (a broken feed cannot fill memory). */
export const MAX_PROBLEMS_KEPT = 1000;

/** Where an indicator value came from and what the feed says about it. */
export interface RecordInfo {
  /** 1-based line, or 0 in formats without lines. */
  line: number;
  context: Record<string, string>;
  /** Names the record in problems when there is no line (`record 3`, `indicator--…`). */
  label?: string;
  hint?: IndicatorKind;
  /** Epoch seconds; 0 or absent = open. */
  validFrom?: number;
  validUntil?: number;
}

/**
 * Gathers a feed's indicators and problems while a loader walks its records:
 * every value is classified and normalised; a bad one becomes a problem with
 * its line and the loader carries on.
 */
export class FeedCollector {
  readonly indicators: Indicator[] = [];
  readonly problems: FeedProblem[] = [];
  problemCount = 0;

  constructor(readonly file: string) {}

  /** Adds one raw indicator value with its record's context, kind hint and validity. */
  add(raw: string, record: RecordInfo): void {
    const classified = classifyIndicator(raw, record.hint);
    if ('error' in classified) this.problem(record.line, record.label ? `${record.label}: ${classified.error}` : classified.error);
    else this.indicators.push({ kind: classified.kind, value: classified.value, context: record.context, validFrom: record.validFrom ?? 0, validUntil: record.validUntil ?? 0 });
  }

  /** Records a problem at `line` (0 when the format has no lines). */
  problem(line: number, message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push({ file: this.file, line, message });
  }

  /** The loaded feed. */
  result(options: FeedOptions): LoadedFeed {
    return { options, indicators: this.indicators, problems: this.problems };
  }
}

/** Epoch seconds of an ISO-8601 / RFC 3339 time, or 0 when absent or unreadable. */
export function epochSeconds(text: unknown): number {
  if (typeof text !== 'string' && typeof text !== 'number') return 0;
  const ms = typeof text === 'number' ? text * 1000 : Date.parse(text);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}
