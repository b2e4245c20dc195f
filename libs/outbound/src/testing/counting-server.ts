import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that counts the connections it accepts (a refused fetch must leave it at 0). */
export interface CountingServer {
  readonly server: Server;
  /** `http://host:port` */
  readonly base: string;
  readonly port: number;
  connections(): number;
  /**
   * The most connections open at the same moment, as this server sees it: a connection's close
   * reaches it a moment after the client's, so a client's next connection may overlap by a tick.
   */
  peakOpen(): number;
  /** The most connections still open together 25 ms after one arrived: overlap a close's delivery cannot explain. */
  peakSustained(): number;
  close(): Promise<void>;
}

export async function countingServer(
  host: string,
  handler: RequestListener,
  port = 0,
): Promise<CountingServer> {
  let connections = 0;
  let open = 0;
  let peak = 0;
  let sustained = 0;
  const server = createServer(handler);
  server.on('connection', (socket) => {
    connections++;
    peak = Math.max(peak, ++open);
    setTimeout(() => (sustained = Math.max(sustained, open)), 25).unref();
    socket.once('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    base: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    connections: () => connections,
    peakOpen: () => peak,
    peakSustained: () => sustained,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
