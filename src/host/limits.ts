/**
 * Bounds on every loop over /proc data. /proc text is written by the kernel but
 * much of it (command lines, environments, process names) is chosen by any
 * local user, so each loop stops at a named limit instead of trusting sizes.
 */

/** Largest /proc/net table read: 1M sockets at ~150 bytes a line, well above any real host. */
export const MAX_NET_TABLE_BYTES = 160 * 1024 * 1024;

/** Longest /proc/net/{tcp,udp}{,6} line the kernel can print: tcp6 lines with every field at its widest are under 300 bytes. */
export const MAX_NET_LINE_BYTES = 512;

/** Command lines and environments above ARG_MAX-scale sizes are cut: 2 MiB is Linux's default ARG_MAX. */
export const MAX_ARGS_BYTES = 2 * 1024 * 1024;

/** Small /proc files (stat, status, cgroup): 64 KiB is far above any real one. */
export const MAX_SMALL_FILE_BYTES = 64 * 1024;

/** Ancestry walk depth: real trees are shallow; the bound stops loops created by PID reuse mid-walk. */
export const MAX_ANCESTRY_DEPTH = 128;

/** Descriptors examined per process in one scan (Linux's hard nofile limit is 1M by default). */
export const MAX_FDS_PER_PROCESS = 1 << 20;

/** Processes examined per scan (Linux's pid_max ceiling is 4M). */
export const MAX_PROCESSES = 1 << 22;

/** Stored command-line length: longer lines are cut and flagged, the hash is still over the whole. */
export const MAX_STORED_CMDLINE_CHARS = 4096;
