// A live Guildhall with the demo loaded, as the README starts one: the built server on a fresh data
// directory, then `npm run cli -- demo`, whose last line maps each seed to its key. Used by the checks
// that run the API's own documentation against a real server (newman-check.mjs, swagger-ui-check.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, condition, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

/** Starts the server, loads the demo and waits until the server knows every demo key and the playing queues. */
export async function startDemoServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-live-demo-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const server = spawn(process.execPath, ['dist/apps/guildhall/src/main.js'], { env, stdio: 'inherit' });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await until('the server to answer /health', async () => (await fetch(`${url}/health`)).ok);
    const demo = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', 'demo'], {
      env,
      encoding: 'utf8',
    });
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    const { keys } = JSON.parse(demo.stdout.trim().split('\n').at(-1));
    // The CLI wrote to the shared store; the server learns of it through its projections.
    for (const key of Object.values(keys)) {
      const known = async () =>
        (await fetch(`${url}/v1/keys`, { headers: { authorization: `Bearer ${key}` } })).status !== 401;
      await until('the server to know the demo keys', known);
    }
    const playing = async () => {
      const res = await fetch(`${url}/v2/servers/123456789012345678/music/queue`, {
        headers: { authorization: `Bearer ${keys.hexify}` },
      });
      return res.ok && (await res.json()).current_track !== null;
    };
    await until("the demo's queues", playing);
    await until(
      "Elixir's now playing",
      async () => (await fetch(`${url}/api/v1/766045633697021973/nowplaying`)).ok,
    );
    /** Runs the CLI on the server's data directory and returns its stdout. */
    const cli = (...args) => {
      const run = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
        env,
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${run.stderr}`);
      return run.stdout;
    };
    return { url, keys, dataDir, cli, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
