import { readFileSync } from 'node:fs';

/**
 * Maps uids to login names from /etc/passwd, re-read at most once per scan
 * on a miss so users added while watching are still named.
 */
export class UserNames {
  private names = new Map<number, string>();
  private loaded = false;

  constructor(private readonly passwdPath = '/etc/passwd') {}

  /** Login name of `uid`, or '' when unknown. */
  name(uid: number): string {
    if (!this.loaded) this.reload();
    return this.names.get(uid) ?? '';
  }

  /** Marks the table stale; the next lookup reloads it. */
  invalidate(): void {
    this.loaded = false;
  }

  /** Reads passwd lines `name:x:uid:…`; an unreadable file leaves every name unknown. */
  private reload(): void {
    this.loaded = true;
    this.names = new Map();
    let text = '';
    try {
      text = readFileSync(this.passwdPath, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      const [name, , uid] = line.split(':');
      if (name && uid && /^\d+$/.test(uid)) this.names.set(Number(uid), name);
    }
  }
}
