import { describe, expect, it } from 'vitest';
import { findTool, requireTools, run, startDaemon } from './procs.js';

describe('scenario process helpers', () => {
  it('names missing tools and their Debian packages in one line', () => {
    expect(findTool('sh')).toMatch(/\/sh$/);
    expect(() => requireTools({ sh: 'dash', 'no-such-tool-4711': 'tool-pkg' }))
      .toThrow('The multi-stage scenario needs tools that are not installed: no-such-tool-4711 (Debian package tool-pkg)');
  });

  it('reports a failing program with its exit code and stderr', async () => {
    await expect(run('sh', ['-c', 'echo broken >&2; exit 3'])).rejects.toThrow(/failed \(3\): broken/);
    await expect(run('sleep', ['5'], { timeoutMs: 100 })).rejects.toThrow(/timed out after 100 ms/);
  });

  it('waits for the ready line and hands over every stderr line before stop resolves', async () => {
    const seen: string[] = [];
    const d = await startDaemon('echoer', 'sh', ['-c', 'echo one >&2; echo ready; trap "echo bye >&2; exit 0" TERM; while :; do sleep 0.05; done'],
      { ready: /^ready$/, onStderrLine: (l) => seen.push(l) });
    await d.stop();
    expect(seen).toEqual(['one', 'bye']);
    await expect(startDaemon('quitter', 'sh', ['-c', 'echo no >&2; exit 2'], { ready: /^ready$/ })).rejects.toThrow(/quitter exited \(2\) before it was ready: no/);
  });
});
