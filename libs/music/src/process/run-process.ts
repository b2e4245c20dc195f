import { spawn } from 'node:child_process';

/** What a finished child process printed, and how it ended. */
export interface ProcessOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

export class ProcessTimeoutError extends Error {
  override readonly name = 'ProcessTimeoutError';
}

/**
 * Runs `command` to completion and collects its output. Never goes through a shell, so a query can
 * never become a command line; output is capped so a misbehaving tool cannot exhaust memory.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; maxBytes?: number; signal?: AbortSignal },
): Promise<ProcessOutput> {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    const stop = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(stop, options.timeoutMs);
    // The caller's deadline (a probe slot's) kills the child too: a slot is never held past it.
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) child.kill('SIGKILL');
      else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      if (timedOut) reject(new ProcessTimeoutError(`${command} was stopped: it took too long`));
      else
        resolve({
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          code,
        });
    });
  });
}
