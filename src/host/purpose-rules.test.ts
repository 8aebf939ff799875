import { describe, expect, it } from 'vitest';
import type { ProcessContext } from './process-context.js';
import { testContext as ctx } from './test-context.js';
import { inferPurpose } from './purpose-rules.js';


describe('inferPurpose', () => {
  it.each<[string, Partial<ProcessContext>, string]>([
    ['apt', { name: 'http', exe: '/usr/lib/apt/methods/http', cmdline: '/usr/lib/apt/methods/http', ancestors: ['apt-get', 'apt.systemd.daily'] }, 'update_check'],
    ['telegraf', { name: 'telegraf', exe: '/usr/bin/telegraf' }, 'telemetry'],
    ['curl typed in a terminal', { name: 'curl', tty: 'pts/1', ancestors: ['bash', 'sshd'] }, 'user_action'],
    ['a periodic poller', { name: 'poller', periodic: true, ancestors: ['bash', 'node'] }, 'background_service'],
    ['a daemon under systemd', { name: 'chronyd', ancestors: ['systemd'] }, 'background_service'],
    ['an orphan of unknown origin', { name: 'x', ancestors: ['process_api'] }, 'unknown'],
  ])('%s', (_label, over, purpose) => {
    expect(inferPurpose(ctx(over)).purpose).toBe(purpose);
  });
});
