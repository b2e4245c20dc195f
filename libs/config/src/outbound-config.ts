import { integer } from './env-values';

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

/** `OUTBOUND_ALLOWED_HOSTS`, `OUTBOUND_TIMEOUT_MS`, `OUTBOUND_IDLE_TIMEOUT_MS`, `OUTBOUND_MAX_RESPONSE_BYTES`, `OUTBOUND_MAX_REDIRECTS`. */
export function loadOutboundConfig(env: NodeJS.ProcessEnv = process.env): OutboundConfig {
  return {
    allowedHosts: (env.OUTBOUND_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    timeoutMs: integer(env, 'OUTBOUND_TIMEOUT_MS', 10_000, 100, 600_000),
    idleTimeoutMs: integer(env, 'OUTBOUND_IDLE_TIMEOUT_MS', 30_000, 100, 600_000),
    maxResponseBytes: integer(env, 'OUTBOUND_MAX_RESPONSE_BYTES', 1024 ** 3, 1024, 2 ** 40),
    maxRedirects: integer(env, 'OUTBOUND_MAX_REDIRECTS', 5, 0, 20),
  };
}

/** `MUSIC_PROBE_CONCURRENCY`, `MUSIC_PROBE_QUEUE`, `MUSIC_PROBE_PER_CALLER`, `MUSIC_PROBE_TIMEOUT_MS`. */
export function loadProbeLimits(env: NodeJS.ProcessEnv = process.env): ProbeLimits {
  return {
    concurrency: integer(env, 'MUSIC_PROBE_CONCURRENCY', 4, 1, 256),
    queue: integer(env, 'MUSIC_PROBE_QUEUE', 32, 0, 10_000),
    perCaller: integer(env, 'MUSIC_PROBE_PER_CALLER', 4, 1, 1_000),
    timeoutMs: integer(env, 'MUSIC_PROBE_TIMEOUT_MS', 15_000, 100, 600_000),
  };
}
