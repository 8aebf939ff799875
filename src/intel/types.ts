/** What an indicator is; decides which part of the index holds it. */
export type IndicatorKind = 'ip' | 'domain' | 'url' | 'hash';

/**
 * One indicator read from a feed, before indexing. `value` is already
 * normalised for its kind (lower-case domain, normalised URL or mask,
 * lower-case hex hash, canonical IP or CIDR text).
 */
export interface Indicator {
  kind: IndicatorKind;
  value: string;
  /** The feed record's own fields, flattened with dots (`threat.name`). */
  context: Record<string, string>;
  /** Seconds since the epoch; 0 when the feed gives no start. */
  validFrom: number;
  /** Seconds since the epoch; 0 when the indicator never expires. */
  validUntil: number;
}

/** A record that could not be loaded; the rest of the feed still loads. */
export interface FeedProblem {
  file: string;
  /** 1-based line of the record, or 0 when the format has no lines (JSON documents). */
  line: number;
  message: string;
}

/** How a feed is read and what its matches mean. */
export interface FeedOptions {
  /** Category reported with every match (defaults to the file name without extension). */
  name: string;
  /** Field (CSV column or JSON field path) holding the indicator. */
  key?: string;
  /** Forced format; detected from the name and content when absent. */
  format?: FeedFormat;
  /** Domain indicators also match their sub-domains. */
  parentDomains: boolean;
  /** The feed is an allowlist: its matches suppress other feeds' matches. */
  allowlist: boolean;
}

/** Every feed format Tracer reads. */
export type FeedFormat = 'csv' | 'json' | 'ndjson' | 'kaspersky' | 'stix' | 'misp' | 'warninglist' | 'plain' | 'zeek';

/** A feed after loading: its indicators and the records that failed. */
export interface LoadedFeed {
  options: FeedOptions;
  indicators: Indicator[];
  problems: FeedProblem[];
}

/** One match of an observed indicator against a feed record. */
export interface IntelMatch {
  /** Feed name (the CyberTrace `Category`). */
  category: string;
  /** The feed's indicator that matched (the mask or CIDR itself, not the observed value). */
  indicator: string;
  /** The observed value that was looked up. */
  observed: string;
  kind: IndicatorKind;
  context: Record<string, string>;
}
