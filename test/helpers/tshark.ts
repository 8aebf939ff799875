import { execFileSync } from 'node:child_process';

/** One tshark conversation (`-z conv,tcp|udp`): endpoints and frames per direction. */
export interface TsharkConversation {
  a: string; aPort: number; b: string; bPort: number;
  /** Frames sent by `a` to `b`. */
  framesAtoB: number;
  framesBtoA: number;
}

/** Runs tshark and returns its standard output (throws if tshark fails). */
export function tshark(args: string[]): string {
  return execFileSync('tshark', ['-n', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Conversations as tshark counts them over the whole file (no splitting on timeouts or port reuse). */
export function tsharkConversations(file: string, proto: 'tcp' | 'udp', filter?: string): TsharkConversation[] {
  const out: TsharkConversation[] = [];
  const stat = filter ? `conv,${proto},${filter}` : `conv,${proto}`;
  for (const line of tshark(['-r', file, '-q', '-z', stat]).split('\n')) {
    const m = /^(\S+):(\d+)\s+<->\s+(\S+):(\d+)\s+(\d+)\s+\d+\s+\S+\s+(\d+)\s/.exec(line);
    if (!m) continue;
    out.push({ a: m[1], aPort: Number(m[2]), b: m[3], bPort: Number(m[4]), framesBtoA: Number(m[5]), framesAtoB: Number(m[6]) });
  }
  return out;
}
