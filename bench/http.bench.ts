import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CommandBus } from '@nestjs/cqrs';
import { IssueApiKeyCommand, RegisterGuildCommand, systemContext } from '#core';
import { createGuildhallApp } from '#guildhall/guildhall-app';
import { freePort, startServerProcess, type ServerProcess } from '../test/support/server-process';
import type { Report } from './report';

const SERVER = '123456789012345678';
const OWNER = '210987654321098765';
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
/** Writes spread over many guilds, as real traffic is; one guild's writes are serialised by design. */
const WRITE_GUILDS = 1_000;
/** Enough enterprise keys (10,000 requests/hour each) that the load never meets a rate limit. */
const KEYS = 60;
const guildId = (n: number) => String(100_000_000_000_000_000n + BigInt(n));

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Seeds the data directory in-process (faster than HTTP): the guilds and the owner's keys. */
async function seed(dataDir: string): Promise<string[]> {
  const app = await createGuildhallApp({ dataDir, logLevel: 'silent' });
  await app.init();
  try {
    const bus = app.get(CommandBus);
    const context = systemContext('cli', 'bench');
    const profile = {
      name: 'Bench',
      ownerId: OWNER,
      memberCount: 1250,
      botCount: 0,
      onlineCount: 0,
      premium: true,
      features: [],
    };
    for (const id of [SERVER, ...Array.from({ length: WRITE_GUILDS }, (_, n) => guildId(n))]) {
      await bus.execute(new RegisterGuildCommand(id, profile, context));
    }
    const keys: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      keys.push((await bus.execute(new IssueApiKeyCommand(OWNER, { tier: 'enterprise' }, context))).key);
    }
    return keys;
  } finally {
    await app.close();
  }
}

/** Every request carries one of the keys, round robin, so auth and limits run on each. */
const withKeys = (keys: readonly string[]) => {
  let i = 0;
  return (request: autocannon.Request) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${keys[i++ % keys.length]}` },
  });
};

/** CPU seconds (user + system) the process has used, from /proc: steadier than req/s on a busy machine. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

async function reads(
  server: ServerProcess,
  keys: readonly string[],
): Promise<{ result: autocannon.Result; cpuMsPerRequest: number }> {
  const url = `${server.url}/v2/servers/${SERVER}`;
  const requests = [{ method: 'GET' as const, setupRequest: withKeys(keys) }];
  await cannon({ url, connections: 50, duration: 2, requests }); // warm-up: let the JIT settle
  const cpuBefore = cpuSeconds(server.child.pid!);
  const result = await cannon({ url, connections: 50, duration: DURATION_S, requests });
  const cpuMsPerRequest = ((cpuSeconds(server.child.pid!) - cpuBefore) * 1000) / result.requests.total;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`GET had ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return { result, cpuMsPerRequest };
}

/** HTTP on loopback: the server runs in its own process, as in production, and autocannon loads it. */
export async function run(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bench-http-'));
  const keys = await seed(dataDir);
  let server = await startServerProcess(
    dataDir,
    await freePort(),
    {},
    'dist/bench/support/server-without-guards.js',
  );
  try {
    const { result: baseline, cpuMsPerRequest: baselineCpu } = await reads(server, keys);
    await server.kill('SIGTERM');
    server = await startServerProcess(dataDir, await freePort());
    const { result: guarded, cpuMsPerRequest: guardedCpu } = await reads(server, keys);
    report({
      name: 'HTTP GET /v2/servers/{id}, keys and limits on',
      value: guarded.requests.average,
      unit: 'req/s',
      target: '≥ 10,000',
      ok: guarded.requests.average >= 10_000,
    });
    report({
      name: 'HTTP GET /v2/servers/{id} p99 latency',
      value: guarded.latency.p99,
      unit: 'ms',
      target: '≤ 20',
      ok: guarded.latency.p99 <= 20,
    });
    report({
      name: 'HTTP GET /v2/servers/{id}, keys and limits off',
      value: baseline.requests.average,
      unit: 'req/s',
    });
    const ratio = guarded.requests.average / baseline.requests.average;
    report({
      name: 'HTTP GET with keys and limits / without, req/s',
      value: ratio,
      unit: 'ratio',
      target: '≥ 0.8',
      ok: ratio >= 0.8,
    });
    // Throughput swings with whatever else the machine runs; server CPU per request does not.
    report({
      name: 'HTTP GET server CPU per request, keys and limits on',
      value: guardedCpu * 1000,
      unit: 'µs',
    });
    report({
      name: 'HTTP GET server CPU per request, keys and limits off',
      value: baselineCpu * 1000,
      unit: 'µs',
    });
    const cpuRatio = baselineCpu / guardedCpu;
    report({
      name: 'HTTP GET capacity with keys and limits / without, by CPU',
      value: cpuRatio,
      unit: 'ratio',
      target: '≥ 0.8',
      ok: cpuRatio >= 0.8,
    });

    // Every write changes a prefix, so each decides an event, appends it and waits for the read model.
    let n = 0;
    const authorize = withKeys(keys);
    const writes = await cannon({
      url: `${server.url}/v2/servers/${SERVER}/settings`,
      connections: 100,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            n++;
            return authorize({
              ...request,
              path: `/v2/servers/${guildId(n % WRITE_GUILDS)}/settings`,
              body: JSON.stringify({ prefix: `p${n.toString(36)}` }),
            });
          },
        },
      ],
    });
    const failed = writes.non2xx + writes.errors;
    report({
      name: `HTTP POST settings over ${WRITE_GUILDS} guilds, each a new event`,
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
