import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux build Node runs on. */
const TICKS_PER_S = 100;

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  readonly cpuMs: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    return { pid: Number(pid), ppid: Number(fields[1]), cpuMs: (cpuTicks * 1000) / TICKS_PER_S };
  } catch {
    return undefined; // exited between listing and reading
  }
}

/** The live child processes of this process (FFmpeg), read from /proc. */
export function children(): ProcStat[] {
  const own = process.pid;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      const stat = readStat(pid);
      return stat?.ppid === own ? [stat] : [];
    });
}

/**
 * CPU time in ms used so far by this process and its children: live ones from their own stat,
 * exited ones from this process's `cutime`/`cstime` (the kernel adds them there once reaped).
 */
export function treeCpuMs(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / TICKS_PER_S + children().reduce((sum, c) => sum + c.cpuMs, 0);
}

/**
 * Proportional set size of the live children, in bytes: each FFmpeg's private memory plus its share
 * of the libraries all of them map, so N processes are not charged N times for one libavcodec.
 */
export function childrenPssBytes(): number {
  return children().reduce((sum, { pid }) => {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      return sum + (match ? Number(match[1]) * 1024 : 0);
    } catch {
      return sum;
    }
  }, 0);
}
