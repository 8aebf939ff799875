import type { ProcessContext } from './process-context.js';

/** A rule context with harmless defaults (a browser under systemd), overridden per test case. */
export function testContext(over: Partial<ProcessContext>): ProcessContext {
  return { name: 'firefox', exe: '/usr/lib/firefox/firefox', cmdline: '/usr/lib/firefox/firefox', ancestors: ['systemd'], tty: '', periodic: false, lifetime: 0, ...over };
}
