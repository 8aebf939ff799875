import { createWriteStream, type WriteStream } from 'node:fs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 3164 timestamp in local time, as rsyslog writes it: `Nov  3 09:05:07` (day padded with a space). */
export function rfc3164Stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[at.getMonth()]} ${String(at.getDate()).padStart(2, ' ')} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** One auth.log line: `Nov 23 12:34:56 victim sshd[812]: Failed password for …`. */
export function syslogLine(at: Date, host: string, tag: string, pid: number, message: string): string {
  return `${rfc3164Stamp(at)} ${host} ${tag}[${pid}]: ${message}`;
}

/** Writes syslog lines to a new file (replacing an old one), as a syslog daemon receiving a program's messages would. */
export class SyslogFile {
  private readonly out: WriteStream;

  constructor(path: string, private readonly host: string) {
    this.out = createWriteStream(path);
  }

  /** Writes one message (blank ones are dropped, as syslog drops them). */
  write(at: Date, tag: string, pid: number, message: string): void {
    const text = message.trim();
    if (text && !this.out.writableEnded) this.out.write(`${syslogLine(at, this.host, tag, pid, text)}\n`);
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
