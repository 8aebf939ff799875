import type { AnalyzerFactory } from '../analyzer.js';
import { latin1 } from '../bytes.js';
import { SshAnalyzer } from './analyzer.js';

const PREFIX = 'SSH-';

/** Says whether the first bytes of a direction are an SSH identification string. */
export function detectSsh(_isOrig: boolean, first: Uint8Array): 'yes' | 'no' | 'more' {
  const text = latin1(first, 0, Math.min(first.length, PREFIX.length));
  if (text.length < PREFIX.length) return PREFIX.startsWith(text) ? 'more' : 'no';
  return text === PREFIX ? 'yes' : 'no';
}

/** The SSH analyzer factory (service `ssh`). */
export const sshFactory: AnalyzerFactory = {
  name: 'ssh',
  transport: 'tcp',
  ports: [22, 2222],
  detect: detectSsh,
  create: (ctx) => new SshAnalyzer(ctx),
};
