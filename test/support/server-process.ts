import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { CONTRACT_LOG_DIR, CONTRACT_SOURCE } from './contract/response-log';

const ROOT = join(__dirname, '..', '..', '..');

/** When the test run checks responses against the OpenAPI document, the server records its own too. */
function contractRecording(): { args: string[]; env: Record<string, string> } {
  if (!process.env[CONTRACT_LOG_DIR]) return { args: [], env: {} };
  return {
    args: ['--require', join(__dirname, 'contract', 'record-responses.preload.js')],
    env: { [CONTRACT_SOURCE]: relative(ROOT, process.argv[1] ?? '') },
  };
}

/** A free loopback port, found by binding port 0 and letting it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the built Guildhall as its own process, as `npm start` would, and waits until /health answers. */
export async function startServerProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  entry = 'dist/apps/guildhall/src/main.js',
): Promise<ServerProcess> {
  const recording = contractRecording();
  const child = spawn(process.execPath, [...recording.args, join(ROOT, entry)], {
    env: {
      ...process.env,
      ...recording.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => stdout + stderr,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Runs the built CLI to completion and returns its output. */
export function runCli(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Issues an operator's key (admin, enterprise) with the built CLI, as an operator would; returns the plaintext. */
export async function issueAdminKeyWithCli(dataDir: string): Promise<string> {
  const issued = await runCli(dataDir, [
    'keys',
    'issue',
    '--user',
    '1',
    '--scope',
    'admin',
    '--tier',
    'enterprise',
    '--json',
  ]);
  if (issued.code !== 0) throw new Error(`keys issue failed: ${issued.stderr}`);
  return (JSON.parse(issued.stdout.trim().split('\n').at(-1)!) as { key: string }).key;
}
