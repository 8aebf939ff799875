import type { LogRecord } from '../../store/schema/types.js';
import type { AnalyzerContext } from '../analyzer.js';
import type { DataChannel } from './data-channel.js';
import { MAX_PENDING_COMMANDS } from './limits.js';

/** A command awaiting its final reply. */
export interface FtpCommand {
  ts: number;
  command: string;
  arg: string;
  fileSize: number | null;
  dataChannel: DataChannel | null;
}

/** Zeek's FTP::guest_ids: users whose password is logged (anonymous FTP). */
const GUEST_USERS = ['anonymous', 'ftp', 'ftpuser', 'guest'];
/** Commands whose argument is a file name, logged as a URL (Zeek's FTP::file_cmds). */
const FILE_COMMANDS = ['APPE', 'RETR', 'STOR', 'STOU'];

/** State of one FTP control connection: user, directory and commands awaiting replies. */
export class FtpSession {
  user = '<unknown>';
  password: string | null = null;
  cwd = '/';
  readonly pending: FtpCommand[] = [];

  constructor(private readonly ctx: AnalyzerContext) {}

  /** Queues a client command; returns it for the caller to annotate. */
  command(ts: number, command: string, arg: string): FtpCommand {
    if (command === 'USER') this.user = arg;
    if (command === 'PASS') this.password = arg;
    if (this.pending.length >= MAX_PENDING_COMMANDS) {
      this.ctx.weird('ftp_too_many_pending_commands');
      this.log(this.pending.shift()!, null, null);
    }
    const cmd: FtpCommand = { ts, command, arg, fileSize: null, dataChannel: null };
    this.pending.push(cmd);
    return cmd;
  }

  /** Writes the ftp.log record of a command and its final reply (null when none came). */
  log(cmd: FtpCommand, code: number | null, msg: string | null): void {
    const ctx = this.ctx;
    const hidden = this.password !== null && !GUEST_USERS.includes(this.user.toLowerCase());
    const password = hidden ? '<hidden>' : this.password;
    const dc = cmd.dataChannel;
    ctx.emit('ftp', {
      ts: cmd.ts, uid: ctx.uid, id_orig_h: ctx.origH, id_orig_p: ctx.origP, id_resp_h: ctx.respH, id_resp_p: ctx.respP,
      user: this.user, password, command: cmd.command, arg: this.loggedArg(cmd, password),
      file_size: cmd.fileSize, reply_code: code, reply_msg: msg,
      data_channel_passive: dc?.passive ?? null, data_channel_orig_h: dc?.origH ?? null,
      data_channel_resp_h: dc?.respH ?? null, data_channel_resp_p: dc?.respP ?? null,
    } satisfies LogRecord);
  }

  /** A 250 reply to CWD/CDUP moves the working directory (for file URLs). */
  changedDirectory(cmd: FtpCommand): void {
    this.cwd = cmd.command === 'CDUP' ? joinPath(this.cwd, '..') : joinPath(this.cwd, cmd.arg);
  }

  private loggedArg(cmd: FtpCommand, password: string | null): string {
    if (cmd.command === 'PASS') return password ?? '';
    if (!FILE_COMMANDS.includes(cmd.command)) return cmd.arg;
    const host = this.ctx.respH.includes(':') ? `[${this.ctx.respH}]` : this.ctx.respH;
    return `ftp://${host}${joinPath(this.cwd, cmd.arg)}`;
  }
}

/** Resolves `path` against directory `cwd`, folding `.` and `..` (never above `/`). */
export function joinPath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
