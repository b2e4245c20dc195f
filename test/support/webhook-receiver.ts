import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/**
 * What to answer a request: a status, a status after a delay (a slow receiver), or `hang` (never
 * answer: the sender's timeout must fire).
 */
export type ReceiverAnswer = number | 'hang' | { readonly status: number; readonly afterMs: number };

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Decides each answer; 200 unless a test says otherwise. */
  answer: (request: ReceivedWebhook, index: number) => ReceiverAnswer;
  /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** An HTTP receiver on 127.0.0.1 that records every request it gets, as a webhook consumer would. */
export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const hanging = new Set<ServerResponse>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    answer: () => 200,
    async waitFor(count, timeoutMs = 10_000) {
      if (receiver.received.length < count) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`receiver got ${receiver.received.length} of ${count} requests`)),
            timeoutMs,
          );
          waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
        });
      }
      return receiver.received.slice(0, count);
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const got: ReceivedWebhook = {
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      };
      const index = receiver.received.push(got) - 1;
      const answer = receiver.answer(got, index);
      const reply = (status: number) =>
        response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      if (answer === 'hang') hanging.add(response);
      else if (typeof answer === 'number') reply(answer);
      else setTimeout(() => reply(answer.status), answer.afterMs);
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (receiver as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}
