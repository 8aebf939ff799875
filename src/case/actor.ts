import { userInfo } from 'node:os';

/** Who makes a change: $TRACER_USER, else the OS user, else `unknown`. */
export function currentActor(): string {
  const fromEnv = process.env.TRACER_USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
