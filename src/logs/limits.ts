/** Longest line kept (bytes). Longer lines are cut here and reported: one huge line must not exhaust memory. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Unparseable lines kept with their message in a report; the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 20;

/** Fields read from one Zeek TSV line; a longer line is a broken line, not a reason to allocate more. */
export const MAX_ZEEK_FIELDS = 512;
