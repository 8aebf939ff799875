import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../cli/command.js';

/** The two keys derived from one secret: endpoint masks and checkpoint MACs stay independent. */
export interface HostKeys {
  mask: Buffer;
  checkpoint: Buffer;
}

/** Bytes of a new secret: 256 bits, the HMAC-SHA256 block-size-safe strength. */
const SECRET_BYTES = 32;

/**
 * Loads the secret from `path` (64 hex chars), creating it (mode 0600) when
 * absent. The key file must live outside the log: whoever holds it can forge
 * checkpoints and test guesses against masked addresses.
 * @example const keys = loadOrCreateKeys('/etc/tracer/host.key');
 */
export function loadOrCreateKeys(path: string): HostKeys {
  if (!existsSync(path)) writeFileSync(path, randomBytes(SECRET_BYTES).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return loadKeys(path);
}

/** Loads an existing secret; a missing or malformed file is a one-line InputError. */
export function loadKeys(path: string): HostKeys {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new InputError(`${path}: cannot read key file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new InputError(`${path}: line 1: expected a 64-hex-digit key`);
  return deriveKeys(Buffer.from(text, 'hex'));
}

/** Derives the mask and checkpoint keys from a secret (HMAC with fixed labels). */
export function deriveKeys(secret: Buffer): HostKeys {
  return {
    mask: createHmac('sha256', secret).update('tracer-host endpoint-mask v1').digest(),
    checkpoint: createHmac('sha256', secret).update('tracer-host checkpoint v1').digest(),
  };
}
