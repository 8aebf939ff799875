import { hash } from 'node:crypto';
import type { ClientHello } from './client-hello.js';
import { isGrease } from './grease.js';
import type { ServerHello } from './server-hello.js';

/** Decimal values joined by `-`, GREASE values left out (JA3's rule). */
function joined(values: readonly number[]): string {
  return values.filter((v) => !isGrease(v)).join('-');
}

function md5(text: string): string {
  return hash('md5', text, 'hex');
}

/**
 * JA3 (Salesforce, BSD-3-Clause): MD5 of
 * `version,ciphers,extensions,groups,point_formats` from the ClientHello.
 * @example ja3(hello) // 'e7d705a3286e19ea42f587b344ee6865'
 */
export function ja3(hello: ClientHello): string {
  return md5(`${hello.version},${joined(hello.ciphers)},${joined(hello.extensions)},${joined(hello.groups)},${hello.pointFormats.join('-')}`);
}

/** JA3S: MD5 of `version,cipher,extensions` from the ServerHello. */
export function ja3s(hello: ServerHello): string {
  return md5(`${hello.version},${hello.cipher},${joined(hello.extensions)}`);
}
