import { describe, expect, it } from 'vitest';
import { parseCaptureArgs } from './capture-args.js';
import { UsageError } from './command.js';

describe('parseCaptureArgs', () => {
  it('reads every option', () => {
    const args = parseCaptureArgs(['-i', 'eth0', '-f', 'tcp port 80', '--protocol', 'tcp,icmp', '-w', 'x.pcap', '--rotate', '100MB',
      '--csv', 'x.csv', '--duration', '2.5', '--count', '10', '--db', 'x.duckdb', '--ndjson', '-s', '96', '-B', '8192']);
    expect(args).toEqual({
      ndjson: true,
      capture: {
        iface: 'eth0', filter: 'tcp port 80', protocols: ['tcp', 'icmp'], writePath: 'x.pcap', rotate: { kind: 'size', bytes: 100e6 },
        csvPath: 'x.csv', durationSeconds: 2.5, count: 10, snaplen: 96, bufferKiB: 8192, dbPath: 'x.duckdb',
      },
    });
  });

  it('takes the filter from the words after the options, as tcpdump does', () => {
    expect(parseCaptureArgs(['-i', 'lo', 'tcp', 'and', 'port', '22']).capture.filter).toBe('tcp and port 22');
  });

  it.each([
    [[], /needs an interface/],
    [['-i', 'lo', '--rotate', '1h'], /--rotate needs an output file/],
    [['-i', 'lo', '-w', 'x', '--rotate', 'soon'], /--rotate "soon": expected a size/],
    [['-i', 'lo', '--protocol', 'tcp,smtp'], /--protocol "tcp,smtp": expected/],
    [['-i', 'lo', '--duration', '0'], /--duration "0": expected a positive number/],
    [['-i', 'lo', '--count', '1.5'], /--count "1.5": expected a positive whole number/],
    [['-i', 'lo', '-s', '999999'], /--snaplen 999999: the most is/],
    [['-i', 'lo', '-f', 'tcp', 'udp'], /either with -f or after the options/],
    [['-i', 'lo', '-w', 'a.pcap', '--csv', './a.pcap'], /name the same file/],
    [['-i', 'lo', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with one line', (argv, message) => {
    let error: unknown;
    try { parseCaptureArgs(argv as string[]); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
