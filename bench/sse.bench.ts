import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { Report } from './report';
import { wallNow, type SseBenchReply, type SseBenchRequest } from './support/sse-protocol';

const STREAMS = Number(process.env.BENCH_SSE_STREAMS ?? 1_000);
const EVENTS = Number(process.env.BENCH_SSE_EVENTS ?? 100);
/** One append every this many ms: a steady pace well below saturation, so latency is not queueing. */
const PACE_MS = 20;
const SENT_AT = /"sentAt":([0-9.]+)/;
/** Rounds, alternating the two servers: on a shared machine, each gets several chances at a quiet one. */
const ROUNDS = Number(process.env.BENCH_SSE_ROUNDS ?? 3);

interface Measured {
  readonly p99Ms: number;
  readonly p50Ms: number;
  readonly bytesPerStream: number;
  readonly delivered: number;
}

/** A server process under test and its IPC channel. */
class ServerProcess {
  private readonly waiting: ((reply: SseBenchReply) => void)[] = [];
  private constructor(readonly child: ChildProcess) {
    child.on('message', (reply: SseBenchReply) => this.waiting.shift()?.(reply));
  }

  static async start(
    entry: string,
  ): Promise<{ server: ServerProcess; ready: SseBenchReply & { kind: 'ready' } }> {
    const child = fork(join(__dirname, 'support', entry), {
      execArgv: ['--expose-gc'],
      env: { ...process.env, BENCH_SSE_STREAMS: String(STREAMS) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const server = new ServerProcess(child);
    const ready = await server.next();
    if (ready.kind !== 'ready') throw new Error(`${entry} did not start`);
    return { server, ready };
  }

  next(): Promise<SseBenchReply> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async ask(message: SseBenchRequest): Promise<SseBenchReply> {
    const reply = this.next();
    this.child.send(message);
    return reply;
  }

  async rss(): Promise<number> {
    const reply = await this.ask({ kind: 'memory' });
    if (reply.kind !== 'memory') throw new Error('expected a memory reply');
    return reply.rss;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'stop' });
    await exited;
  }
}

/** Opens `STREAMS` streams, then appends `EVENTS` events at a steady pace and times each delivery. */
async function measure(entry: string): Promise<Measured> {
  const { server, ready } = await ServerProcess.start(entry);
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const latencies: number[] = [];
  const responses: { destroy(): void }[] = [];
  try {
    const before = await server.rss();
    await Promise.all(
      Array.from(
        { length: STREAMS },
        () =>
          new Promise<void>((resolve, reject) => {
            const headers = ready.authorization ? { authorization: ready.authorization } : undefined;
            const req = request(ready.path, { agent, headers }, (response) => {
              if (response.statusCode !== 200) reject(new Error(`${entry}: status ${response.statusCode}`));
              response.setEncoding('utf8');
              let buffer = '';
              response.on('data', (chunk: string) => {
                const received = wallNow();
                buffer += chunk;
                let end: number;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                  const block = buffer.slice(0, end);
                  buffer = buffer.slice(end + 2);
                  // A regex, not JSON.parse: the clients share one process, and the less each spends
                  // per message, the less the last one's wait is the client's own doing.
                  const sentAt = SENT_AT.exec(block);
                  if (sentAt) latencies.push(received - Number(sentAt[1]));
                }
              });
              responses.push(req);
              resolve();
            });
            req.on('error', reject);
            req.end();
          }),
      ),
    );
    const after = await server.rss();
    for (let i = 0; i < EVENTS; i++) {
      await server.ask({ kind: 'append' });
      await new Promise((resolve) => setTimeout(resolve, PACE_MS));
    }
    const deadline = Date.now() + 30_000;
    while (latencies.length < STREAMS * EVENTS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (latencies.length < STREAMS * EVENTS) {
      throw new Error(`${entry}: ${latencies.length} of ${STREAMS * EVENTS} deliveries arrived`);
    }
    latencies.sort((a, b) => a - b);
    return {
      p99Ms: latencies[Math.floor(latencies.length * 0.99)],
      p50Ms: latencies[Math.floor(latencies.length * 0.5)],
      bytesPerStream: Math.max(0, after - before) / STREAMS,
      delivered: latencies.length,
    };
  } finally {
    for (const response of responses) response.destroy();
    agent.destroy();
    await server.stop();
  }
}

/**
 * The live stream: `STREAMS` concurrent SSE clients of one guild, `EVENTS` appends at a steady pace,
 * each timed from the append to its arrival at every client; and the server's memory per open stream
 * (RSS growth after a GC, divided by the streams). The ceiling is a bare node:http server that writes
 * the same messages to as many streams, measured in the same run with the same clients. Each figure
 * is the best of the rounds for each server.
 */
export async function run(report: Report): Promise<void> {
  const rounds: { bare: Measured; guildhall: Measured }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push({
      bare: await measure('sse-bare-server.js'),
      guildhall: await measure('sse-guildhall-server.js'),
    });
  }
  const best = (pick: (round: { bare: Measured; guildhall: Measured }) => Measured): Measured => ({
    p99Ms: Math.min(...rounds.map((round) => pick(round).p99Ms)),
    p50Ms: Math.min(...rounds.map((round) => pick(round).p50Ms)),
    bytesPerStream: Math.min(...rounds.map((round) => pick(round).bytesPerStream)),
    delivered: Math.min(...rounds.map((round) => pick(round).delivered)),
  });
  const bare = best((round) => round.bare);
  const guildhall = best((round) => round.guildhall);
  report({
    name: `SSE ${STREAMS} streams: fan-out p99, append → client`,
    value: guildhall.p99Ms,
    ceiling: bare.p99Ms,
    unit: 'ms',
    lowerIsBetter: true,
  });
  report({
    name: `SSE ${STREAMS} streams: fan-out p50, append → client`,
    value: guildhall.p50Ms,
    ceiling: bare.p50Ms,
    unit: 'ms',
    lowerIsBetter: true,
  });
  report({
    name: `SSE server memory per open stream (RSS growth / ${STREAMS})`,
    value: guildhall.bytesPerStream / 1024,
    ceiling: bare.bytesPerStream / 1024,
    unit: 'KiB',
    lowerIsBetter: true,
  });
}
