import { resolve } from 'node:path';
import { loadAutoModConfig, type AutoModConfig } from './automod-config';
import { loadDiscordConfig, type DiscordConfig } from './discord-config';
import { loadWebhookConfig, type WebhookConfig } from './webhook-config';
import { corsOrigins, metricsToken } from './operator-config';
import { ConfigError, flag, integer } from './env-values';

export { ConfigError, integer } from './env-values';

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
  /** Deepest nesting of objects and arrays a JSON body may have, checked before it is parsed. */
  readonly bodyMaxDepth: number;
  /** Most fields one JSON object of a body may have. */
  readonly bodyMaxKeys: number;
  /** Most items one JSON array of a body may have. */
  readonly bodyMaxItems: number;
  /** Time a client has to send a whole request, headers and body; past it the answer is 408. */
  readonly requestTimeoutMs: number;
  /** Time a client has to send the request headers. */
  readonly headersTimeoutMs: number;
  /** When set, analytics go to this ClickHouse server instead of the embedded chDB under dataDir. */
  readonly clickhouseUrl: string | undefined;
  /** Past this an analytics request answers 503 instead of waiting on a slow store. */
  readonly analyticsTimeoutMs: number;
  /**
   * When set, usage events older than this many days are truncated from the event store once ClickHouse
   * holds them; unset keeps everything.
   */
  readonly usageRetentionDays: number | undefined;
  /**
   * Fastify's `trustProxy`: whether (and which) proxies' `X-Forwarded-For` names the client. Off by
   * default, so a client cannot pick its own address (the per-address limits count it).
   */
  readonly trustProxy: boolean | number | string;
  /** `/health/ready` fails while a projection that has not caught up is more events behind than this. */
  readonly readyMaxProjectionLag: number;
  /** Answers at least this large are gzip/deflate-compressed when the client accepts it; 0 turns it off. */
  readonly compressionMinBytes: number;
  /** The bearer token `/metrics` requires; unset, it answers loopback clients only. */
  readonly metricsToken: string | undefined;
  /** Browser origins allowed by CORS (`*` for any); empty, none. */
  readonly corsOrigins: readonly string[];
  /**
   * Whether keys issued by `cli demo` (derivable from `DATA_DIR/demo-seed`) are accepted: `auto` only
   * while the data directory is a demo one (holds `demo-seed`), `on` always, `off` never.
   */
  readonly demoKeys: 'auto' | 'on' | 'off';
  /** Open the HTTP door in this process (`npm start`); off leaves only the Discord door. */
  readonly httpDoor: boolean;
  /**
   * Run the voice player worker, and with it the Discord door, in this process. Only one process
   * per guild may run it, or two would each start the next track.
   */
  readonly playerWorker: boolean;
  /** How long the player stays in a voice channel with nothing playing or queued; 0 stays forever. */
  readonly playerIdleDisconnectSeconds: number;
  /**
   * How often the worker records where a playing track is (`PlaybackProgressed`). A reader without the
   * worker in its process trusts the log's position for twice this (plus 5 s), then says `no_worker`.
   */
  readonly playerCheckpointSeconds: number;
  /**
   * After the voice server has answered a UDP keep-alive, this long without a datagram means the
   * path is dead and the worker rebuilds the voice session. @discordjs/voice sends a keep-alive every
   * 5 s, so anything shorter than 6 s would judge a healthy path.
   */
  readonly playerUdpSilenceSeconds: number;
  /** Discord's connection settings; the Discord door's gateway and commands run only when set. */
  readonly discord: DiscordConfig | undefined;
  /** How auto-moderation's spam protection counts and how long it times a member out. */
  readonly autoMod: AutoModConfig;
  /** How webhook deliveries are sent, bounded and signed. */
  readonly webhooks: WebhookConfig;
}

/** `DATA_DIR`, resolved: where the embedded stores live, and a demo's seed and music library. */
export const dataDirOf = (env: NodeJS.ProcessEnv = process.env): string =>
  resolve(env.DATA_DIR?.trim() || './data');

/** The file `cli demo` writes into a data directory, marking it as a demo one. */
export const DEMO_SEED_FILE = 'demo-seed';

/** The folder of a demo data directory where `cli demo` writes its music library. */
export const DEMO_MUSIC_DIR = 'demo-music';

const PROXY_LIST = /^[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*$/;

/** `true`/`false`, a number of proxy hops, or a comma-separated list of proxy addresses and CIDRs. */
function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 100);
  if (raw === '' || /^(true|false|yes|no|on|off)$/i.test(raw)) return flag(env, 'TRUST_PROXY', false);
  if (PROXY_LIST.test(raw)) return raw;
  throw new ConfigError(
    `TRUST_PROXY must be true, false, a number of hops or a comma-separated list of addresses/CIDRs, got "${raw}"`,
  );
}

function demoKeys(env: NodeJS.ProcessEnv): 'auto' | 'on' | 'off' {
  const raw = (env.DEMO_KEYS?.trim() || 'auto').toLowerCase();
  if (raw === 'auto' || raw === 'on' || raw === 'off') return raw;
  throw new ConfigError(`DEMO_KEYS must be auto, on or off, got "${env.DEMO_KEYS}"`);
}

function httpTimeouts(
  env: NodeJS.ProcessEnv,
): Pick<GuildhallConfig, 'requestTimeoutMs' | 'headersTimeoutMs'> {
  const requestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000);
  const headersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 3_600_000);
  // Node refuses a headers timeout longer than the whole request's.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  return { requestTimeoutMs, headersTimeoutMs };
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
    dataDir: dataDirOf(env),
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
    bodyMaxDepth: integer(env, 'BODY_MAX_DEPTH', 32, 2, 1_000),
    bodyMaxKeys: integer(env, 'BODY_MAX_KEYS', 100, 10, 100_000),
    bodyMaxItems: integer(env, 'BODY_MAX_ITEMS', 1_000, 10, 1_000_000),
    ...httpTimeouts(env),
    clickhouseUrl,
    analyticsTimeoutMs: integer(env, 'ANALYTICS_TIMEOUT_MS', 5000, 50, 120_000),
    // Unset (the fallback 0) keeps every usage event: truncation is opt-in, since it cannot be undone.
    usageRetentionDays: integer(env, 'USAGE_RETENTION_DAYS', 0, 1, 36_500) || undefined,
    trustProxy: trustProxy(env),
    corsOrigins: corsOrigins(env),
    metricsToken: metricsToken(env),
    compressionMinBytes: integer(env, 'COMPRESSION_MIN_BYTES', 1024, 0, 64 * 1024 * 1024),
    readyMaxProjectionLag: integer(env, 'READY_MAX_PROJECTION_LAG', 1_000, 0, 1_000_000_000),
    demoKeys: demoKeys(env),
    httpDoor: flag(env, 'HTTP_DOOR', true),
    // Unset, the worker plays where Discord is configured.
    playerWorker: flag(env, 'PLAYER_WORKER', Boolean(env.DISCORD_TOKEN?.trim())),
    playerIdleDisconnectSeconds: integer(env, 'PLAYER_IDLE_DISCONNECT_SECONDS', 300, 0, 86_400),
    playerCheckpointSeconds: integer(env, 'PLAYER_POSITION_CHECKPOINT_SECONDS', 30, 1, 3_600),
    playerUdpSilenceSeconds: integer(env, 'PLAYER_UDP_SILENCE_SECONDS', 15, 6, 600),
    discord: loadDiscordConfig(env),
    autoMod: loadAutoModConfig(env),
    webhooks: loadWebhookConfig(env),
  };
}
