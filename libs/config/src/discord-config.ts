import { ConfigError, integer } from './env-values';

/** How the Discord door reaches Discord; present only when `DISCORD_TOKEN` is set. */
export interface DiscordConfig {
  readonly token: string;
  /** REST base handed to discord.js (`rest.api`); the gateway URL comes from `GET /v10/gateway/bot` there. */
  readonly apiUrl: string;
  /** `auto` (Discord's recommended count) or the total number of shards of the bot. */
  readonly shards: 'auto' | number;
  /** The shards this process runs (all when unset), so several processes split the guilds. */
  readonly shardIds: readonly number[] | undefined;
  /** Registers the application commands in this guild only (they appear at once), instead of globally. */
  readonly devGuildId: string | undefined;
  /** Least time between two recorded samples of a guild's online count (`DISCORD_PRESENCE_SAMPLE_MS`). */
  readonly presenceSampleMs: number;
  /** One recorded activity per member per window of this length (`DISCORD_ACTIVITY_WINDOW_MS`). */
  readonly activityWindowMs: number;
}

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * `DISCORD_TOKEN`, `DISCORD_API_URL`, `DISCORD_SHARDS`, `DISCORD_SHARD_IDS`, `DISCORD_DEV_GUILD`,
 * `DISCORD_PRESENCE_SAMPLE_MS`, `DISCORD_ACTIVITY_WINDOW_MS`.
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | undefined {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) return undefined;
  const apiUrl = (env.DISCORD_API_URL?.trim() || 'https://discord.com/api').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiUrl)) {
    throw new ConfigError(`DISCORD_API_URL must start with http:// or https://, got "${apiUrl}"`);
  }
  const rawShards = env.DISCORD_SHARDS?.trim().toLowerCase() || 'auto';
  const shards = rawShards === 'auto' ? 'auto' : integer(env, 'DISCORD_SHARDS', 1, 1, 100_000);
  const shardIds = shardList(env.DISCORD_SHARD_IDS, shards);
  const devGuildId = env.DISCORD_DEV_GUILD?.trim() || undefined;
  if (devGuildId && !SNOWFLAKE.test(devGuildId)) {
    throw new ConfigError(`DISCORD_DEV_GUILD must be a guild id (a snowflake), got "${devGuildId}"`);
  }
  const presenceSampleMs = integer(env, 'DISCORD_PRESENCE_SAMPLE_MS', 300_000, 100, 86_400_000);
  const activityWindowMs = integer(env, 'DISCORD_ACTIVITY_WINDOW_MS', 300_000, 100, 86_400_000);
  return { token, apiUrl, shards, shardIds, devGuildId, presenceSampleMs, activityWindowMs };
}

function shardList(raw: string | undefined, shards: 'auto' | number): readonly number[] | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (shards === 'auto') {
    throw new ConfigError('DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total number of shards');
  }
  const ids = text.split(',').map((part) => Number(part.trim()));
  const bad = ids.find((id) => !Number.isInteger(id) || id < 0 || id >= shards);
  if (bad !== undefined) {
    throw new ConfigError(
      `DISCORD_SHARD_IDS must be comma-separated shard ids below DISCORD_SHARDS (${shards}), got "${text}"`,
    );
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}
