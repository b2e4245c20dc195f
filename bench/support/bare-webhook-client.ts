import { createHmac } from 'node:crypto';
import { request } from 'node:http';

/** One message as the bare client posts it. */
export interface BareMessage {
  readonly id: string;
  readonly body: string;
}

/**
 * The ceiling of a delivery: the same signed POST with nothing around it (no queue, no database, no
 * guard). Like the dispatcher's guarded fetch it opens a fresh connection per request (no pooling), so
 * the two differ only by what delivery adds.
 */
export function postSigned(url: string, key: Buffer, message: BareMessage): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', key)
    .update(`${message.id}.${timestamp}.${message.body}`)
    .digest('base64');
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'webhook-id': message.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': `v1,${signature}`,
      },
    });
    req.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(message.body);
  });
}

/** Posts every queue's messages in order, the queues side by side; resolves with messages per second. */
export async function bareThroughput(
  url: string,
  key: Buffer,
  queues: readonly BareMessage[][],
): Promise<number> {
  const started = performance.now();
  await Promise.all(
    queues.map(async (queue) => {
      for (const message of queue) await postSigned(url, key, message);
    }),
  );
  const total = queues.reduce((sum, queue) => sum + queue.length, 0);
  return total / ((performance.now() - started) / 1000);
}
