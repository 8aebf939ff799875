import type { LogRecord } from '../../store/schema/types.js';
import type { AnalyzerContext } from '../analyzer.js';
import { AuthInference } from './auth-inference.js';
import { hasshAlgorithms, hasshServerAlgorithms, md5Hex, negotiate, negotiateBoth, type KexInit } from './kexinit.js';

/** What one SSH connection revealed, turned into its ssh.log record. */
export class SshSession {
  ts: number | null = null;
  client: string | null = null;
  server: string | null = null;
  clientKex: KexInit | null = null;
  serverKex: KexInit | null = null;
  hostKey: string | null = null;
  readonly auth = new AuthInference();

  /** Negotiated key exchange, once both KEXINITs are known. */
  kexAlg(): string | null {
    return this.clientKex && this.serverKex ? negotiate(this.clientKex.kex, this.serverKex.kex) : null;
  }

  /** The ssh.log record. */
  record(ctx: AnalyzerContext): LogRecord {
    const c = this.clientKex, s = this.serverKex;
    const both = c !== null && s !== null;
    const attempted = this.auth.attempts > 0;
    return {
      ts: this.ts, uid: ctx.uid, id_orig_h: ctx.origH, id_orig_p: ctx.origP, id_resp_h: ctx.respH, id_resp_p: ctx.respP,
      version: majorVersion(this.client, this.server),
      auth_success: attempted ? this.auth.success : null, auth_attempts: this.auth.attempts, direction: direction(ctx),
      client: this.client, server: this.server,
      cipher_alg: both ? negotiateBoth(c.encC2S, s.encC2S, c.encS2C, s.encS2C) : null,
      mac_alg: both ? negotiateBoth(c.macC2S, s.macC2S, c.macS2C, s.macS2C) : null,
      compression_alg: both ? negotiateBoth(c.compC2S, s.compC2S, c.compS2C, s.compS2C) : null,
      kex_alg: this.kexAlg(),
      host_key_alg: both ? negotiate(c.hostKey, s.hostKey) : null,
      host_key: this.hostKey,
      hassh: c ? md5Hex(hasshAlgorithms(c)) : null,
      hasshAlgorithms: c ? hasshAlgorithms(c) : null,
      hasshServer: s ? md5Hex(hasshServerAlgorithms(s)) : null,
      hasshServerAlgorithms: s ? hasshServerAlgorithms(s) : null,
    };
  }
}

/**
 * Zeek's ssh.log direction: OUTBOUND when a local client logs into a remote
 * server, INBOUND the other way; unset when both ends are local or both remote.
 */
export function direction(ctx: Pick<AnalyzerContext, 'localOrig' | 'localResp'>): 'INBOUND' | 'OUTBOUND' | null {
  if (ctx.localOrig === ctx.localResp) return null;
  return ctx.localOrig ? 'OUTBOUND' : 'INBOUND';
}

/** 2 for SSH-2.0 / SSH-1.99 on both sides, 1 when a side speaks only 1.x, null when unknown. */
function majorVersion(client: string | null, server: string | null): number | null {
  const versions = [client, server].filter((b): b is string => b !== null).map((b) => /^SSH-(\d+)\.(\d+)/.exec(b));
  if (versions.length === 0 || versions.some((m) => m === null)) return null;
  return versions.every((m) => m![1] === '2' || (m![1] === '1' && m![2] === '99')) ? 2 : 1;
}
