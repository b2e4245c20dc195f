import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** What the parent asks for; passed as JSON in argv[2]. */
export interface LoadRequest {
  readonly url: string;
  readonly connections: number;
  readonly durationS: number;
  /** Requests each connection keeps in flight (autocannon's pipelining); 1 when absent. */
  readonly pipelining?: number;
  /** A file holding a JSON array of keys, sent round robin as `Authorization: Bearer …`. */
  readonly keysFile?: string;
  /** Settings writes: each request posts a new prefix to one of this many guilds in turn. */
  readonly writeGuilds?: { readonly count: number; readonly firstId: string };
}

/** What one run measured; printed as JSON on the last line of stdout. */
export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p99Ms: number;
  readonly failed: number;
  readonly durationS: number;
  /** CPU seconds the run took in this process, to tell when the load generator itself was the limit. */
  readonly cpuSeconds: number;
}

const guildId = (first: string, n: number) => String(BigInt(first) + BigInt(n));

function requests(load: LoadRequest): autocannon.Request[] {
  const keys = load.keysFile ? (JSON.parse(readFileSync(load.keysFile, 'utf8')) as string[]) : [];
  let k = 0;
  const authorize = (request: autocannon.Request): autocannon.Request =>
    keys.length === 0
      ? request
      : { ...request, headers: { ...request.headers, authorization: `Bearer ${keys[k++ % keys.length]}` } };
  const writes = load.writeGuilds;
  if (!writes) return [{ method: 'GET', setupRequest: authorize }];
  let n = 0;
  return [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        n++;
        return authorize({
          ...request,
          path: `/v2/servers/${guildId(writes.firstId, n % writes.count)}/settings`,
          body: JSON.stringify({ prefix: `p${n.toString(36)}` }),
        });
      },
    },
  ];
}

/**
 * `node load-generator.js '<LoadRequest JSON>'`: autocannon in its own process, so the benchmark can
 * pin it to a core of its own (taskset) apart from the server under test.
 */
function main(): void {
  const load = JSON.parse(process.argv[2]) as LoadRequest;
  const options = {
    url: load.url,
    connections: load.connections,
    duration: load.durationS,
    requests: requests(load),
  };
  const cpuBefore = process.cpuUsage();
  autocannon(options, (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const summary: LoadResult = {
      requests: result.requests.total,
      perSecond: result.requests.total / (result.duration || load.durationS),
      p99Ms: result.latency.p99,
      durationS: result.duration || load.durationS,
      failed: result.non2xx + result.errors + result.timeouts,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });
}

main();
