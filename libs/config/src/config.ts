import { resolve } from 'node:path';
import { AUTOMOD_ENV, autoModConfigOf, type AutoModConfig } from './automod-config';
import { DISCORD_ENV, discordConfigOf, discordProblems, type DiscordConfig } from './discord-config';
import { OPERATOR_ENV } from './operator-config';
import { OUTBOUND_ENV, PROBE_ENV } from './outbound-config';
import { GUILDHALL_ENV, guildhallProblems, LOG_LEVELS } from './guildhall-env';
import { SSE_ENV, sseConfigOf, type SseConfig } from './sse-config';
import { PERSONAL_DATA_ENV, personalDataConfigOf, type PersonalDataConfig } from './personal-data-config';
import { WEBHOOK_ENV, webhookConfigOf, type WebhookConfig } from './webhook-config';
import { readEnv } from './env-values';

export { ConfigError, integer } from './env-values';
export { LOG_LEVELS };

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
  readonly logLevel: (typeof LOG_LEVELS)[number];
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
  /** The live event stream's heartbeat, per-key cap and backpressure bound. */
  readonly sse: SseConfig;
  /** The key store of crypto-shredded personal data. */
  readonly personalData: PersonalDataConfig;
  /** An as-of read stores a snapshot of a stream's folded state every this many events. */
  readonly asOfSnapshotEvery: number;
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

/**
 * Every variable Guildhall reads, checked together, so one start reports every bad value (the ones
 * read later by the music and outbound modules too), each naming its variable and what it allows.
 */
const ALL_ENV = {
  ...GUILDHALL_ENV,
  ...OPERATOR_ENV,
  ...DISCORD_ENV,
  ...AUTOMOD_ENV,
  ...OUTBOUND_ENV,
  ...PROBE_ENV,
  ...SSE_ENV,
  ...PERSONAL_DATA_ENV,
  ...WEBHOOK_ENV,
};

/** Reads and checks the configuration once, at start, so a typo fails loudly instead of later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GuildhallConfig {
  const v = readEnv(env, ALL_ENV, (values) => [...guildhallProblems(values), ...discordProblems(values)]);
  return {
    dataDir: dataDirOf(env),
    host: v.HOST,
    port: v.PORT,
    eventStoreUrl: v.EVENTSTORE_URL,
    sqliteDurability: v.EVENTSTORE_SQLITE_DURABILITY,
    redisUrl: v.REDIS_URL,
    logLevel: v.LOG_LEVEL,
    readYourWritesTimeoutMs: v.READ_YOUR_WRITES_TIMEOUT_MS,
    runProjections: v.RUN_PROJECTIONS,
    logRequests: v.LOG_REQUESTS,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    bodyMaxDepth: v.BODY_MAX_DEPTH,
    bodyMaxKeys: v.BODY_MAX_KEYS,
    bodyMaxItems: v.BODY_MAX_ITEMS,
    requestTimeoutMs: v.HTTP_REQUEST_TIMEOUT_MS,
    headersTimeoutMs: v.HTTP_HEADERS_TIMEOUT_MS,
    clickhouseUrl: v.CLICKHOUSE_URL,
    analyticsTimeoutMs: v.ANALYTICS_TIMEOUT_MS,
    usageRetentionDays: v.USAGE_RETENTION_DAYS,
    trustProxy: v.TRUST_PROXY,
    corsOrigins: v.CORS_ORIGINS,
    metricsToken: v.METRICS_TOKEN,
    compressionMinBytes: v.COMPRESSION_MIN_BYTES,
    readyMaxProjectionLag: v.READY_MAX_PROJECTION_LAG,
    demoKeys: v.DEMO_KEYS,
    httpDoor: v.HTTP_DOOR,
    // Unset, the worker plays where Discord is configured.
    playerWorker: v.PLAYER_WORKER ?? Boolean(v.DISCORD_TOKEN),
    playerIdleDisconnectSeconds: v.PLAYER_IDLE_DISCONNECT_SECONDS,
    playerCheckpointSeconds: v.PLAYER_POSITION_CHECKPOINT_SECONDS,
    playerUdpSilenceSeconds: v.PLAYER_UDP_SILENCE_SECONDS,
    discord: discordConfigOf(v),
    autoMod: autoModConfigOf(v),
    sse: sseConfigOf(v),
    personalData: personalDataConfigOf(v),
    asOfSnapshotEvery: v.AS_OF_SNAPSHOT_EVERY,
    webhooks: webhookConfigOf(v),
  };
}
