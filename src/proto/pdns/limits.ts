/** Distinct (address, name) pairs kept per connection before flushing early to the pdns stream. */
export const MAX_PAIRS_PER_CONNECTION = 4096;
