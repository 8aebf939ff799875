import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { spawnIntelServer } from '../testing/serve-process.js';
import { TestClient } from '../testing/test-server.js';

/** Idle connections held open at once (the server runs in its own process, so each side needs this many descriptors). */
const IDLE_CONNECTIONS = 10_000;

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}

describe('10,000 idle connections', () => {
  it('are held with bounded memory while a busy client is still answered', async () => {
    const server = await spawnIntelServer(['--feed', corpus('threat-intel/ipsum_level5.txt') + ',name=ipsum5', '--log', 'none']);
    const sockets: Socket[] = [];
    try {
      const before = rssKb(server.child.pid!);
      for (let opened = 0; opened < IDLE_CONNECTIONS;) {
        const batch = Math.min(500, IDLE_CONNECTIONS - opened);
        await Promise.all(Array.from({ length: batch }, () => new Promise<void>((resolve, reject) => {
          const s = connect(server.port, '127.0.0.1', () => resolve());
          s.on('error', reject);
          sockets.push(s);
        })));
        opened += batch;
      }
      const client = await TestClient.open(server.port);
      client.send('ip=77.90.185.20\n');
      expect(await client.finished(1)).toEqual(['Category=ipsum5|MatchedIndicator=77.90.185.20', 'LookupFinished']);
      client.socket.destroy();
      const perConnection = (rssKb(server.child.pid!) - before) * 1024 / IDLE_CONNECTIONS;
      console.log(`intel server: ${IDLE_CONNECTIONS} idle connections, ${(perConnection / 1024).toFixed(1)} KiB RSS each`);
      expect(perConnection).toBeLessThan(16 * 1024);
      expect(sockets.every((s) => !s.destroyed)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await server.stop();
    }
  });
});
