import { resolve } from 'node:path';
import type { LiveCaptureOptions } from '../capture/live.js';
import { parseRotation } from '../capture/rotation.js';
import { parseOptions } from '../store/query/flow-options.js';
import { UsageError } from './command.js';
import { parseProtocolList } from './protocol-list.js';

/** The options of `tracer capture`, for parseArgs. */
const OPTIONS = {
  interface: { type: 'string', short: 'i' },
  filter: { type: 'string', short: 'f' },
  protocol: { type: 'string' },
  write: { type: 'string', short: 'w' },
  rotate: { type: 'string' },
  csv: { type: 'string' },
  duration: { type: 'string' },
  count: { type: 'string', short: 'c' },
  db: { type: 'string' },
  ndjson: { type: 'boolean', default: false },
  snaplen: { type: 'string', short: 's' },
  buffer: { type: 'string', short: 'B' },
} as const;

/** Largest snapshot length libpcap accepts. */
const MAX_SNAPLEN = 262_144;
/** Largest kernel buffer accepted, in KiB (4 GiB). */
const MAX_BUFFER_KIB = 4 * 1024 * 1024;

/** `tracer capture` arguments, checked: the capture options without the event stream, and whether to print NDJSON. */
export type CaptureArgs = { capture: Omit<LiveCaptureOptions, 'events'>; ndjson: boolean };

/** Parses `tracer capture` arguments; a one-line UsageError for anything wrong. Words after the options are the BPF filter, as with tcpdump. */
export function parseCaptureArgs(argv: string[]): CaptureArgs {
  const { values, positionals } = parseOptions(argv, OPTIONS, true);
  if (!values.interface) throw new UsageError('capture needs an interface: -i IFACE (list them with: tcpdump -D)');
  if (values.filter !== undefined && positionals.length > 0) throw new UsageError('give the capture filter either with -f or after the options, not both');
  if (values.rotate !== undefined && !values.write) throw new UsageError('--rotate needs an output file: -w out.pcap');
  const rotate = values.rotate === undefined ? null : parseRotation(values.rotate);
  if (values.rotate !== undefined && rotate === null) throw new UsageError(`--rotate ${JSON.stringify(values.rotate)}: expected a size (100MB, 1GiB, at least 1KB) or a duration (30s, 15m, 1h)`);
  if (values.write && values.csv && resolve(values.write) === resolve(values.csv)) throw new UsageError('-w and --csv name the same file');
  return {
    capture: {
      iface: values.interface,
      filter: values.filter ?? positionals.join(' '),
      protocols: parseProtocolList('protocol', values.protocol),
      writePath: values.write,
      rotate,
      csvPath: values.csv,
      durationSeconds: values.duration === undefined ? undefined : positiveNumber('duration', values.duration, false),
      count: values.count === undefined ? undefined : positiveNumber('count', values.count, true),
      snaplen: values.snaplen === undefined ? undefined : bounded('snaplen', positiveNumber('snaplen', values.snaplen, true), MAX_SNAPLEN),
      bufferKiB: values.buffer === undefined ? undefined : bounded('buffer', positiveNumber('buffer', values.buffer, true), MAX_BUFFER_KIB),
      dbPath: values.db,
    },
    ndjson: values.ndjson,
  };
}

function positiveNumber(name: string, text: string, whole: boolean): number {
  const ok = whole ? /^\d+$/.test(text) : /^\d+(\.\d+)?$/.test(text);
  if (!ok || Number(text) <= 0) throw new UsageError(`--${name} ${JSON.stringify(text)}: expected a positive ${whole ? 'whole number' : 'number of seconds'}`);
  return Number(text);
}

function bounded(name: string, value: number, max: number): number {
  if (value > max) throw new UsageError(`--${name} ${value}: the most is ${max}`);
  return value;
}
