import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver in its own process (the other core), as a consumer's server would be: answers
 * 204 at once, counts requests, and notes when each `webhook-id` arrived, in epoch milliseconds with
 * sub-millisecond precision (`timeOrigin + now()`), comparable with the sender's clock.
 */
export interface WebhookSink {
  readonly url: string;
  /** Requests received so far, and the arrival time of each message id (first arrival). */
  stats(): Promise<{ count: number; arrivals: Record<string, number> }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

export async function startWebhookSink(): Promise<WebhookSink> {
  const child: ChildProcess = fork(__filename, ['--sink'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m) => resolve((m as { port: number }).port)),
  );
  const ask = <T>(type: string): Promise<T> =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send({ type });
    });
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    stats: () => ask('stats'),
    reset: () => ask('reset'),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function runSink(): void {
  let count = 0;
  let arrivals: Record<string, number> = {};
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count++;
      const id = String(request.headers['webhook-id']);
      arrivals[id] ??= epochNow();
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') process.send!({ count, arrivals });
    if (message.type === 'reset') {
      count = 0;
      arrivals = {};
      process.send!({});
    }
  });
}

if (process.argv.includes('--sink')) runSink();
