import { connect } from 'node:net';

export interface StalledOutcome {
  /** The raw bytes the server wrote before closing, or null if it wrote nothing. */
  readonly response: string | null;
  /** When the server closed the connection, in ms after the headers were sent; null if it did not within `waitMs`. */
  readonly closedAfterMs: number | null;
}

/**
 * Sends a request line and headers announcing a body, then only the start of that body, and keeps
 * the connection open: a client on a bad link, or one holding the server's memory on purpose.
 * `dripEveryMs` sends one more byte now and then, so the connection is never idle.
 */
export function stalledRequest(
  url: string,
  head: string,
  options: { bodyStart: string; waitMs: number; dripEveryMs?: number },
): Promise<StalledOutcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let response = '';
    let sentAt = 0;
    let drip: NodeJS.Timeout | undefined;
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${head}\r\n\r\n${options.bodyStart}`);
      sentAt = performance.now();
      if (options.dripEveryMs) {
        drip = setInterval(() => socket.writable && socket.write(' '), options.dripEveryMs);
      }
    });
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ response: response || null, closedAfterMs: closed ? performance.now() - sentAt : null });
    };
    const giveUp = setTimeout(() => finish(false), options.waitMs);
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
  });
}

/** The status and JSON body of a raw HTTP/1.1 response. */
export function parseRawResponse(raw: string): { status: number; body: Record<string, unknown> } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return { status, body: JSON.parse(body) as Record<string, unknown> };
}
