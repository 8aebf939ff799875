import type { Command } from './command.js';

/**
 * Every sub-command, in the order `tracer help` lists them. Each lives in its
 * own file and is loaded only when run, so start-up stays fast.
 */
export const commands: Array<{ name: string; summary: string; load: () => Promise<Command> }> = [
  { name: 'host', summary: 'Trace host connections to process lineages; verifiable birth records', load: async () => (await import('./host.js')).default },
  { name: 'flows', summary: 'List connections from the store, filtered and sorted (table or --json)', load: async () => (await import('./flows.js')).default },
  { name: 'export', summary: 'Export a log stream as Zeek TSV/JSON, CSV, NDJSON or Parquet', load: async () => (await import('./export.js')).default },
];
