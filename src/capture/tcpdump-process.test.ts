import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../cli/command.js';
import { tcpdumpArgs, TcpdumpProcess } from './tcpdump-process.js';

/** setpriv runs tcpdump as nobody, without capture rights (only when the tests run as root). */
const canDropPrivileges = process.getuid?.() === 0 && hasProgram('setpriv');

function hasProgram(name: string): boolean {
  try { execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }); return true; } catch { return false; }
}

async function failure(p: TcpdumpProcess): Promise<Error> {
  for await (const chunk of p.stdout) void chunk;
  return p.exited.then(() => { throw new Error('tcpdump did not fail'); }, (err: Error) => err);
}

describe('tcpdumpArgs', () => {
  it('streams unbuffered pcap to stdout with the options and filter', () => {
    expect(tcpdumpArgs({ iface: 'eth0', snaplen: 128, bufferKiB: 4096, filter: 'tcp port 80' }))
      .toEqual(['-U', '-n', '-w', '-', '-i', 'eth0', '-s', '128', '-B', '4096', 'tcp port 80']);
    expect(tcpdumpArgs({ iface: 'lo' })).toEqual(['-U', '-n', '-w', '-', '-i', 'lo']);
  });
});

describe('TcpdumpProcess errors', () => {
  it('says so in one line when the interface does not exist', async () => {
    const err = await failure(new TcpdumpProcess({ iface: 'nosuch0' }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe('capture on nosuch0: no such interface (list them with: tcpdump -D)');
  });

  it('says so in one line when the filter does not compile', async () => {
    const err = await failure(new TcpdumpProcess({ iface: 'lo', filter: 'tcp port banana' }));
    expect(err.message).toMatch(/^capture on lo: bad capture filter "tcp port banana": .+$/);
  });

  it('says so in one line when tcpdump is not installed', async () => {
    const err = await failure(new TcpdumpProcess({ iface: 'lo', program: 'tracer-no-such-tcpdump' }));
    expect(err.message).toBe('capture on lo: tracer-no-such-tcpdump is not installed (Debian: apt-get install tcpdump)');
  });

  it.runIf(canDropPrivileges)('says so in one line when capture rights are missing', async () => {
    const err = await failure(new TcpdumpProcess({ iface: 'lo', program: unprivilegedTcpdump() }));
    expect(err.message).toBe('capture on lo: permission denied: capturing needs root or the CAP_NET_RAW and CAP_NET_ADMIN capabilities on tcpdump');
  });
});

/** A wrapper script running tcpdump as nobody (uid/gid 65534, no groups). */
function unprivilegedTcpdump(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tracer-nobody-')), 'tcpdump-as-nobody');
  writeFileSync(path, '#!/bin/sh\nexec setpriv --reuid 65534 --regid 65534 --clear-groups tcpdump "$@"\n', { mode: 0o755 });
  return path;
}
