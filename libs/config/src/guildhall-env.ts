import { envVar, flagVar, integerVar, oneOfVar, schemeVar, textVar, type EnvValues } from './env-values';

/** pino's levels: anything else (`verbose`, `warning`) would crash the logger at start. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const PROXY_LIST = /^[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*$/;
const FLAG_WORDS = /^(true|false|yes|no|on|off)$/i;

/**
 * `EVENTSTORE_URL`: an EventStoreDB or KurrentDB connection string. KurrentDB's documentation writes
 * `kurrentdb://` (and `kurrentdb+discover://`); @eventstore/db-client parses the same grammar under
 * `esdb://`, and speaks the same protocol to a KurrentDB server, so the scheme is translated here.
 */
const eventStoreUrl = envVar<string | undefined>((text) => {
  const match = /^(esdb|kurrentdb)(\+discover)?:\/\//i.exec(text);
  if (!match)
    return { error: 'must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://' };
  return `esdb${match[2] ?? ''}://${text.slice(match[0].length)}`;
}, undefined);

/** `true`/`false`, a number of proxy hops, or a comma-separated list of proxy addresses and CIDRs. */
const trustProxy = envVar<boolean | number | string>((text) => {
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 100 ? hops : { error: 'must be at most 100 hops' };
  }
  if (FLAG_WORDS.test(text)) return /^(true|yes|on)$/i.test(text);
  if (PROXY_LIST.test(text)) return text;
  return { error: 'must be true, false, a number of hops or a comma-separated list of addresses/CIDRs' };
}, false);

/** The variables of the core and the HTTP door (the Discord door, auto-moderation and the rest have their own). */
export const GUILDHALL_ENV = {
  HOST: textVar('127.0.0.1'),
  PORT: integerVar(3000, 0, 65535),
  EVENTSTORE_URL: eventStoreUrl,
  // `normal` by default: it keeps every acknowledged event through a process crash (tested with
  // SIGKILL) and meets the latency targets; `full` adds power-loss safety at one fsync per commit group.
  EVENTSTORE_SQLITE_DURABILITY: oneOfVar(['full', 'normal'], 'normal'),
  REDIS_URL: schemeVar(['redis', 'rediss']),
  CLICKHOUSE_URL: schemeVar(['http', 'https']),
  LOG_LEVEL: oneOfVar(LOG_LEVELS, 'info'),
  READ_YOUR_WRITES_TIMEOUT_MS: integerVar(2000, 0, 60000),
  RUN_PROJECTIONS: flagVar(true),
  LOG_REQUESTS: flagVar(false),
  BODY_LIMIT_BYTES: integerVar(1024 * 1024, 1024, 64 * 1024 * 1024),
  BODY_MAX_DEPTH: integerVar(32, 2, 1_000),
  BODY_MAX_KEYS: integerVar(100, 10, 100_000),
  BODY_MAX_ITEMS: integerVar(1_000, 10, 1_000_000),
  HTTP_REQUEST_TIMEOUT_MS: integerVar(30_000, 100, 3_600_000),
  HTTP_HEADERS_TIMEOUT_MS: integerVar(10_000, 100, 3_600_000),
  ANALYTICS_TIMEOUT_MS: integerVar(5000, 50, 120_000),
  // Unset keeps every usage event: truncation is opt-in, since it cannot be undone.
  USAGE_RETENTION_DAYS: envVar<number | undefined>((text) => {
    const days = Number(text);
    return /^\d+$/.test(text) && days >= 1 && days <= 36_500
      ? days
      : { error: 'must be an integer between 1 and 36500' };
  }, undefined),
  TRUST_PROXY: trustProxy,
  COMPRESSION_MIN_BYTES: integerVar(1024, 0, 64 * 1024 * 1024),
  READY_MAX_PROJECTION_LAG: integerVar(1_000, 0, 1_000_000_000),
  DEMO_KEYS: oneOfVar(['auto', 'on', 'off'], 'auto'),
  HTTP_DOOR: flagVar(true),
  // Undefined: decided by whether Discord is configured.
  PLAYER_WORKER: flagVar<boolean | undefined>(undefined),
  PLAYER_IDLE_DISCONNECT_SECONDS: integerVar(300, 0, 86_400),
  PLAYER_POSITION_CHECKPOINT_SECONDS: integerVar(30, 1, 3_600),
  PLAYER_UDP_SILENCE_SECONDS: integerVar(15, 6, 600),
};

/** What no single variable can say. */
export function guildhallProblems(values: EnvValues<typeof GUILDHALL_ENV>): string[] {
  const { HTTP_HEADERS_TIMEOUT_MS: headers, HTTP_REQUEST_TIMEOUT_MS: request } = values;
  // Node refuses a headers timeout longer than the whole request's.
  return headers > request
    ? [`HTTP_HEADERS_TIMEOUT_MS (${headers}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${request})`]
    : [];
}
