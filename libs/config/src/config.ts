import { resolve } from 'node:path';

/** Everything Guildhall reads from its environment. The README lists each variable. */
export interface GuildhallConfig {
  /** Where the embedded stores keep their files. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** When set, events go to EventStoreDB instead of the embedded SQLite store. */
  readonly eventStoreUrl: string | undefined;
  /**
   * `full`: an acknowledged event survives power loss (fsync on every commit group).
   * `normal`: it survives a process crash, but the last commits may be lost if the machine dies.
   */
  readonly sqliteDurability: 'full' | 'normal';
  /** When set, rate-limit counters live in Redis and are shared by every replica. */
  readonly redisUrl: string | undefined;
  readonly logLevel: string;
  /** How long a write waits for the read model to apply it before answering anyway. */
  readonly readYourWritesTimeoutMs: number;
  /** Run projections in this process (off for a write-only replica or a one-shot CLI). */
  readonly runProjections: boolean;
  /** Log one line per HTTP request. */
  readonly logRequests: boolean;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimitBytes: number;
  /** When set, analytics go to this ClickHouse server instead of the embedded chDB under dataDir. */
  readonly clickhouseUrl: string | undefined;
  /** Past this an analytics request answers 503 instead of waiting on a slow store. */
  readonly analyticsTimeoutMs: number;
  /**
   * When set, usage events older than this many days are truncated from the event store once ClickHouse
   * holds them; unset keeps everything.
   */
  readonly usageRetentionDays: number | undefined;
  /** Open the HTTP door in this process (`npm start`); off leaves only the Discord door. */
  readonly httpDoor: boolean;
  /**
   * Run the voice player worker, and with it the Discord door, in this process. Only one process
   * per guild may run it, or two would each start the next track.
   */
  readonly playerWorker: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** Reads and checks the configuration once, at start, so a typo fails loudly instead of later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GuildhallConfig {
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || undefined;
  if (eventStoreUrl && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(eventStoreUrl)) {
    throw new ConfigError(
      `EVENTSTORE_URL must start with esdb:// or esdb+discover://, got "${eventStoreUrl}"`,
    );
  }
  // `normal` by default: it keeps every acknowledged event through a process crash (tested with
  // SIGKILL) and meets the latency targets; `full` adds power-loss safety at one fsync per commit group.
  const durability = (env.EVENTSTORE_SQLITE_DURABILITY?.trim() || 'normal').toLowerCase();
  if (durability !== 'full' && durability !== 'normal') {
    throw new ConfigError(`EVENTSTORE_SQLITE_DURABILITY must be full or normal, got "${durability}"`);
  }
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  }
  const clickhouseUrl = env.CLICKHOUSE_URL?.trim() || undefined;
  if (clickhouseUrl && !/^https?:\/\//.test(clickhouseUrl)) {
    throw new ConfigError(`CLICKHOUSE_URL must start with http:// or https://, got "${clickhouseUrl}"`);
  }
  return {
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    eventStoreUrl,
    sqliteDurability: durability,
    redisUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    readYourWritesTimeoutMs: integer(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60000),
    runProjections: flag(env, 'RUN_PROJECTIONS', true),
    logRequests: flag(env, 'LOG_REQUESTS', false),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    clickhouseUrl,
    analyticsTimeoutMs: integer(env, 'ANALYTICS_TIMEOUT_MS', 5000, 50, 120_000),
    // Unset (the fallback 0) keeps every usage event: truncation is opt-in, since it cannot be undone.
    usageRetentionDays: integer(env, 'USAGE_RETENTION_DAYS', 0, 1, 36_500) || undefined,
    httpDoor: flag(env, 'HTTP_DOOR', true),
    // Unset, the worker plays where Discord is configured.
    playerWorker: flag(env, 'PLAYER_WORKER', Boolean(env.DISCORD_TOKEN?.trim())),
  };
}
