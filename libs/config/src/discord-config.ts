import { envVar, integerVar, readEnv, textVar, type EnvValues } from './env-values';

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

/** The Discord door's variables; checked at start with every other, used only when a token is set. */
export const DISCORD_ENV = {
  DISCORD_TOKEN: textVar(undefined),
  DISCORD_API_URL: envVar(
    (text) =>
      /^https?:\/\//.test(text) ? text.replace(/\/+$/, '') : { error: 'must start with http:// or https://' },
    'https://discord.com/api',
  ),
  DISCORD_SHARDS: envVar<'auto' | number>((text) => {
    if (text.toLowerCase() === 'auto') return 'auto';
    const count = Number(text);
    return /^\d+$/.test(text) && count >= 1 && count <= 100_000
      ? count
      : { error: 'must be auto or an integer between 1 and 100000' };
  }, 'auto'),
  DISCORD_SHARD_IDS: envVar<readonly number[] | undefined>((text) => {
    const parts = text.split(',').map((part) => part.trim());
    return parts.every((part) => /^\d+$/.test(part))
      ? [...new Set(parts.map(Number))].sort((a, b) => a - b)
      : { error: 'must be comma-separated shard ids (0, 1, …)' };
  }, undefined),
  DISCORD_DEV_GUILD: envVar<string | undefined>(
    (text) => (SNOWFLAKE.test(text) ? text : { error: 'must be a guild id (a snowflake)' }),
    undefined,
  ),
  DISCORD_PRESENCE_SAMPLE_MS: integerVar(300_000, 100, 86_400_000),
  DISCORD_ACTIVITY_WINDOW_MS: integerVar(300_000, 100, 86_400_000),
};

/** What no single variable can say: shard ids are below the shard count, which must then be a number. */
export function discordProblems(values: EnvValues<typeof DISCORD_ENV>): string[] {
  const { DISCORD_SHARDS: shards, DISCORD_SHARD_IDS: ids } = values;
  if (ids === undefined) return [];
  if (shards === 'auto') return ['DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total number of shards'];
  const bad = ids.filter((id) => id >= shards);
  return bad.length > 0
    ? [`DISCORD_SHARD_IDS must be below DISCORD_SHARDS (${shards}), got ${bad.join(', ')}`]
    : [];
}

export function discordConfigOf(values: EnvValues<typeof DISCORD_ENV>): DiscordConfig | undefined {
  const token = values.DISCORD_TOKEN;
  if (!token) return undefined;
  return {
    token,
    apiUrl: values.DISCORD_API_URL,
    shards: values.DISCORD_SHARDS,
    shardIds: values.DISCORD_SHARD_IDS,
    devGuildId: values.DISCORD_DEV_GUILD,
    presenceSampleMs: values.DISCORD_PRESENCE_SAMPLE_MS,
    activityWindowMs: values.DISCORD_ACTIVITY_WINDOW_MS,
  };
}

/**
 * `DISCORD_TOKEN`, `DISCORD_API_URL`, `DISCORD_SHARDS`, `DISCORD_SHARD_IDS`, `DISCORD_DEV_GUILD`,
 * `DISCORD_PRESENCE_SAMPLE_MS`, `DISCORD_ACTIVITY_WINDOW_MS`.
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | undefined {
  return discordConfigOf(readEnv(env, DISCORD_ENV, discordProblems));
}
