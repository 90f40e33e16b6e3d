import { readFileSync } from 'node:fs';

/** Clock ticks per second in /proc's CPU times: USER_HZ, fixed at 100 in Linux's interface to user space. */
const USER_HZ = 100;

/**
 * The CPU time a process has used so far, user and system, all its threads, in microseconds (Linux /proc).
 * A service's CPU per request is steadier than its requests per second on these shared machines: the rate moves
 * with whatever else the machine is doing, the work per request much less (docs/performance.md).
 */
export function processCpuMicros(pid: number): number {
  // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, so 12 and 13 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / USER_HZ;
}
