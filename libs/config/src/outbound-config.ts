import { envVar, integerVar, readEnv } from './env-values';

/** How requests to hosts that clients name (track URLs, later webhooks) are guarded and bounded. */
export interface OutboundConfig {
  /** Host names, addresses and CIDRs exempt from the public-address rule; empty by default. */
  readonly allowedHosts: readonly string[];
  /** Longest wait for a response's headers, redirects included. */
  readonly timeoutMs: number;
  /** Longest silence while a body is read. */
  readonly idleTimeoutMs: number;
  /** Largest response body read (a track played from a URL included). */
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
}

/** How much track-resolving work (fetching a URL to probe it, running yt-dlp) runs at once. */
export interface ProbeLimits {
  /** Probes running at once in this process. */
  readonly concurrency: number;
  /** Probes waiting for a slot; past this a request gets 503. */
  readonly queue: number;
  /** Probes one caller (API key, Discord user) may have running or waiting; past this, 429. */
  readonly perCaller: number;
  /** A probe running longer is stopped (its child process killed) and its slot freed. */
  readonly timeoutMs: number;
}

export const OUTBOUND_ENV = {
  OUTBOUND_ALLOWED_HOSTS: envVar<readonly string[]>(
    (text) =>
      text
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    [],
  ),
  OUTBOUND_TIMEOUT_MS: integerVar(10_000, 100, 600_000),
  OUTBOUND_IDLE_TIMEOUT_MS: integerVar(30_000, 100, 600_000),
  OUTBOUND_MAX_RESPONSE_BYTES: integerVar(1024 ** 3, 1024, 2 ** 40),
  OUTBOUND_MAX_REDIRECTS: integerVar(5, 0, 20),
};

export const PROBE_ENV = {
  MUSIC_PROBE_CONCURRENCY: integerVar(4, 1, 256),
  MUSIC_PROBE_QUEUE: integerVar(32, 0, 10_000),
  MUSIC_PROBE_PER_CALLER: integerVar(4, 1, 1_000),
  MUSIC_PROBE_TIMEOUT_MS: integerVar(15_000, 100, 600_000),
};

/** `OUTBOUND_ALLOWED_HOSTS`, `OUTBOUND_TIMEOUT_MS`, `OUTBOUND_IDLE_TIMEOUT_MS`, `OUTBOUND_MAX_RESPONSE_BYTES`, `OUTBOUND_MAX_REDIRECTS`. */
export function loadOutboundConfig(env: NodeJS.ProcessEnv = process.env): OutboundConfig {
  const values = readEnv(env, OUTBOUND_ENV);
  return {
    allowedHosts: values.OUTBOUND_ALLOWED_HOSTS,
    timeoutMs: values.OUTBOUND_TIMEOUT_MS,
    idleTimeoutMs: values.OUTBOUND_IDLE_TIMEOUT_MS,
    maxResponseBytes: values.OUTBOUND_MAX_RESPONSE_BYTES,
    maxRedirects: values.OUTBOUND_MAX_REDIRECTS,
  };
}

/** `MUSIC_PROBE_CONCURRENCY`, `MUSIC_PROBE_QUEUE`, `MUSIC_PROBE_PER_CALLER`, `MUSIC_PROBE_TIMEOUT_MS`. */
export function loadProbeLimits(env: NodeJS.ProcessEnv = process.env): ProbeLimits {
  const values = readEnv(env, PROBE_ENV);
  return {
    concurrency: values.MUSIC_PROBE_CONCURRENCY,
    queue: values.MUSIC_PROBE_QUEUE,
    perCaller: values.MUSIC_PROBE_PER_CALLER,
    timeoutMs: values.MUSIC_PROBE_TIMEOUT_MS,
  };
}
