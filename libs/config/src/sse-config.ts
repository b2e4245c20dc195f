import { integerVar, readEnv, type EnvValues } from './env-values';

/** The live event stream (`GET /v1/servers/{id}/events/stream`, Server-Sent Events). */
export interface SseConfig {
  /** A comment line is sent this often, so proxies keep the connection and clients see it alive. */
  readonly heartbeatMs: number;
  /** Open streams one API key may hold at once; the next one is refused with 429. */
  readonly maxStreamsPerKey: number;
  /**
   * Bytes a stream may have queued in its socket beyond what the client read; past it the client is
   * cut off (it reconnects with Last-Event-ID) instead of the server buffering without bound. At least
   * 256 KiB: a catch-up fills a socket to its high-water mark (64 KiB) before it waits for the client,
   * and the first live write after it must not count that as a client falling behind.
   */
  readonly maxBufferedBytes: number;
}

export const SSE_ENV = {
  SSE_HEARTBEAT_SECONDS: integerVar(15, 1, 3_600),
  SSE_MAX_STREAMS_PER_KEY: integerVar(5, 1, 10_000),
  SSE_MAX_BUFFERED_BYTES: integerVar(1024 * 1024, 256 * 1024, 256 * 1024 * 1024),
};

export const sseConfigOf = (values: EnvValues<typeof SSE_ENV>): SseConfig => ({
  heartbeatMs: values.SSE_HEARTBEAT_SECONDS * 1000,
  maxStreamsPerKey: values.SSE_MAX_STREAMS_PER_KEY,
  maxBufferedBytes: values.SSE_MAX_BUFFERED_BYTES,
});

/** `SSE_HEARTBEAT_SECONDS` (15), `SSE_MAX_STREAMS_PER_KEY` (5), `SSE_MAX_BUFFERED_BYTES` (1 MiB). */
export function loadSseConfig(env: NodeJS.ProcessEnv = process.env): SseConfig {
  return sseConfigOf(readEnv(env, SSE_ENV));
}
