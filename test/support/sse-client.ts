import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/** One Server-Sent Event as a client parses it. */
export interface SseMessage {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: string;
}

export interface SseSession {
  readonly status: number;
  readonly response: IncomingMessage;
  readonly messages: SseMessage[];
  /** Comment lines received (`: heartbeat`), without the colon. */
  readonly comments: string[];
  /** Resolves once `count` messages have arrived (or rejects when the stream ends first). */
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  waitForComments(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * A minimal EventSource over node:http: parses `id:`/`event:`/`data:` fields and comment lines,
 * per the HTML standard's event-stream format (one `data:` line per message here).
 */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseSession> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(url, { headers: { accept: 'text/event-stream', ...headers } });
    req.on('error', reject);
    req.on('response', (response) => {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      const watchers = new Set<() => void>();
      let ended = false;
      let buffer = '';
      const endedPromise = new Promise<void>((done) => {
        const finish = () => {
          ended = true;
          for (const watcher of watchers) watcher();
          done();
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(':');
              fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
            }
          }
          if (fields.data !== undefined)
            messages.push({ id: fields.id, event: fields.event, data: fields.data });
        }
        for (const watcher of watchers) watcher();
      });
      const waitUntil = (done: () => boolean, what: string, timeoutMs: number) =>
        new Promise<void>((ok, fail) => {
          const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
          const check = () => {
            if (done()) finish();
            else if (ended) finish(new Error(`the stream ended before ${what}`));
          };
          const finish = (error?: Error) => {
            clearTimeout(timer);
            watchers.delete(check);
            if (error) fail(error);
            else ok();
          };
          watchers.add(check);
          check();
        });
      resolve({
        status: response.statusCode ?? 0,
        response,
        messages,
        comments,
        ended: endedPromise,
        waitForMessages: (count, timeoutMs = 20_000) =>
          waitUntil(() => messages.length >= count, `${count} messages`, timeoutMs),
        waitForComments: (count, timeoutMs = 20_000) =>
          waitUntil(() => comments.length >= count, `${count} comments`, timeoutMs),
        close: () => req.destroy(),
      });
    });
    req.end();
  });
}
