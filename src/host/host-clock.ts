import { readFileSync } from 'node:fs';

/**
 * /proc exposes times in USER_HZ clock ticks, which Linux fixes at 100 for
 * every architecture's user-visible interfaces (`getconf CLK_TCK`).
 */
export const CLOCK_TICKS_PER_SECOND = 100;

/** The boot this host is in: process identities are only unique within one boot. */
export interface BootInfo {
  /** /proc/sys/kernel/random/boot_id, a random UUID fixed for the whole boot. */
  bootId: string;
  /** Boot time, seconds since the epoch (`btime` in /proc/stat). */
  bootTime: number;
}

/**
 * Reads the boot id and boot time once; both are constant until reboot.
 * @example readBootInfo().bootId // 'dafd9bc1-1427-…'
 */
export function readBootInfo(procRoot = '/proc'): BootInfo {
  const bootId = readFileSync(`${procRoot}/sys/kernel/random/boot_id`, 'utf8').trim();
  const btime = /^btime (\d+)$/m.exec(readFileSync(`${procRoot}/stat`, 'utf8'));
  return { bootId, bootTime: btime ? Number(btime[1]) : 0 };
}

/** Wall-clock start of a process, in epoch seconds, from its start ticks. */
export function startEpoch(boot: BootInfo, startTicks: number): number {
  return boot.bootTime + startTicks / CLOCK_TICKS_PER_SECOND;
}
