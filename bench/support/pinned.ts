import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LoadRequest, LoadResult } from './load-generator';

const ROOT = join(__dirname, '..', '..', '..');
const execFile$ = promisify(execFile);

/** True when `taskset` can pin a process to core 0 and core 1 here (Linux, two cores or more). */
export const canPin = (): boolean =>
  spawnSync('taskset', ['-c', '0', 'true']).status === 0 &&
  spawnSync('taskset', ['-c', '1', 'true']).status === 0;

/** `node <args>`, pinned to `core` with taskset when `pin` is set; taskset execs node, so the pid is node's. */
function pinnedNode(core: number, pin: boolean, args: readonly string[]): [string, string[]] {
  return pin ? ['taskset', ['-c', String(core), process.execPath, ...args]] : [process.execPath, [...args]];
}

/** Seconds core `core` has been busy (anything but idle and iowait) since boot, from /proc/stat. */
export function coreBusySeconds(core: number): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((row) => row.startsWith(`cpu${core} `));
  if (!line) return Number.NaN;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / 100; // ticks of 1/100 s
}

export interface PinnedServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** User + system CPU seconds the process (all its threads) has used so far, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts a built entry (path from the repository root) as its own process and waits until `readyPath` answers. */
export async function startPinnedServer(options: {
  readonly entry: string;
  readonly core: number;
  readonly pin: boolean;
  readonly port: number;
  readonly readyPath: string;
  readonly env?: Record<string, string>;
}): Promise<PinnedServer> {
  const [command, args] = pinnedNode(options.core, options.pin, [join(ROOT, options.entry)]);
  const child = spawn(command, args, {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.entry} exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${url}${options.readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline)
      throw new Error(`${options.entry} did not answer ${options.readyPath}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    cpuSeconds: () => {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in ticks of 1/100 s
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs autocannon in its own process, pinned to `core` when `pin` is set. */
export async function generateLoad(core: number, pin: boolean, load: LoadRequest): Promise<LoadResult> {
  const [command, args] = pinnedNode(core, pin, [join(__dirname, 'load-generator.js'), JSON.stringify(load)]);
  const { stdout } = await execFile$(command, args, { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
}
