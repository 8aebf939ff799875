/**
 * What purpose and risk rules look at: the owning process and its lineage,
 * never the payload. Built from a birth certificate.
 */
export interface ProcessContext {
  /** Kernel name (comm) of the owning process. */
  name: string;
  exe: string;
  /** Command line, arguments joined by spaces. */
  cmdline: string;
  /** Names of the ancestors, parent first (the process itself excluded). */
  ancestors: readonly string[];
  /** Controlling terminal, '' when none. */
  tty: string;
  /** New connections of this program to this destination arrive at a regular period. */
  periodic: boolean;
  /** Seconds the connection has been alive (0 at birth). */
  lifetime: number;
}

/** Shells: a shell holding a socket itself is the shape of a reverse shell. */
export const SHELL_NAMES = /^(?:bash|sh|dash|zsh|ksh|mksh|csh|tcsh|fish|ash|busybox)$/;

/** Interpreters that one-liners use to open sockets. */
export const INTERPRETER_NAMES = /^(?:python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|php[0-9.]*|node|nodejs|lua[0-9.]*|tclsh[0-9.]*|gawk|awk|pwsh)$/;

/** Network-facing services that should never start an interactive shell. */
export const SERVICE_NAMES = /^(?:nginx|apache2|httpd|lighttpd|caddy|php-fpm[0-9.]*|tomcat[0-9]*|java|mysqld|mariadbd|postgres|redis-server|mongod|vsftpd|proftpd|named|exim4|postfix|dovecot|smbd)$/;
