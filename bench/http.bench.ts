import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startServerProcess } from '../test/support/server-process';
import type { Report } from './report';

const SERVER = '123456789012345678';
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
/** Writes spread over many guilds, as real traffic is; one guild's writes are serialised by design. */
const WRITE_GUILDS = 1_000;
const guildId = (n: number) => String(100_000_000_000_000_000n + BigInt(n));

async function register(url: string, id: string): Promise<void> {
  const res = await fetch(`${url}/v1/servers/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Guild ${id}`,
      owner_id: '210987654321098765',
      member_count: 1250,
      premium: true,
    }),
  });
  if (!res.ok) throw new Error(`could not register guild ${id}: ${res.status}`);
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** HTTP on loopback: the server runs in its own process, as in production, and autocannon loads it. */
export async function run(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bench-http-'));
  const server = await startServerProcess(dataDir, await freePort());
  try {
    await register(server.url, SERVER);
    for (let n = 0; n < WRITE_GUILDS; n++) await register(server.url, guildId(n));
    // Warm-up: let the JIT settle so the figures describe the steady state.
    await cannon({ url: `${server.url}/v2/servers/${SERVER}`, connections: 50, duration: 2 });

    const reads = await cannon({
      url: `${server.url}/v2/servers/${SERVER}`,
      connections: 50,
      duration: DURATION_S,
    });
    if (reads.non2xx > 0 || reads.errors > 0)
      throw new Error(`GET had ${reads.non2xx} non-2xx and ${reads.errors} errors`);
    report({
      name: 'HTTP GET /v2/servers/{id}',
      value: reads.requests.average,
      unit: 'req/s',
      target: '≥ 10,000',
      ok: reads.requests.average >= 10_000,
    });
    report({
      name: 'HTTP GET /v2/servers/{id} p99 latency',
      value: reads.latency.p99,
      unit: 'ms',
      target: '≤ 20',
      ok: reads.latency.p99 <= 20,
    });

    // Every write changes the prefix, so each one decides an event, appends it and waits for the read model.
    let n = 0;
    const writes = await cannon({
      url: `${server.url}/v2/servers/${SERVER}/settings`,
      connections: 100,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ prefix: `p${(n++).toString(36)}` }),
          }),
        },
      ],
    });
    const failed = writes.non2xx + writes.errors;
    report({
      name: `HTTP POST /v2/servers/{id}/settings, ${WRITE_GUILDS} guilds, each a new event`,
      value: writes.requests.average,
      unit: 'req/s',
      target: '≥ 2,000',
      ok: writes.requests.average >= 2_000 && failed === 0,
    });
    report({ name: 'HTTP POST settings p99 latency', value: writes.latency.p99, unit: 'ms' });
    if (failed > 0)
      report({ name: 'HTTP POST settings failed responses', value: failed, unit: 'responses', ok: false });
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
