import type { GatewayOptions } from './gateway-server';
import { PRIVILEGED_INTENTS } from './intents';
import type { RateLimitOptions } from './rate-limits';
import type { Route } from './rest-router';
import { channelRoutes } from './rest-routes-channels';
import { coreRoutes } from './rest-routes-core';
import { guildRoutes } from './rest-routes-guilds';
import { interactionRoutes } from './rest-routes-interactions';
import type { FakeVoiceOptions } from './voice/fake-voice';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot …`, IDENTIFY, RESUME). */
  token?: string;
  botName?: string;
  /** HELLO's heartbeat_interval; short so tests see heartbeats (Discord's is about 41 s). */
  heartbeatIntervalMs?: number;
  /** `shards` in `GET /gateway/bot`, used by discord.js with `shards: 'auto'`. */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency; discord.js spaces IDENTIFYs 5 s apart per bucket of this size. */
  maxConcurrency?: number;
  /** The privileged intents enabled "in the developer portal"; others close with 4014. All by default. */
  allowedPrivilegedIntents?: number;
  /** Guilds a shard may hold before IDENTIFY closes with 4011 (Discord: 2,500). */
  maxGuildsPerShard?: number;
  rateLimit?: RateLimitOptions;
  /** How long after INTERACTION_CREATE the callback is accepted (Discord: 3 s). */
  interactionResponseWindowMs?: number;
  /** Starts the voice side too (voice servers over TLS with a throwaway CA, UDP); see README, "Voice". */
  voice?: boolean | FakeVoiceOptions;
}

/** Generous enough that tests never wait on it; tests of rate limiting set their own. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 50, windowMs: 1_000 };

export function gatewayOptions(
  token: string,
  options: FakeDiscordOptions,
  wsBase: () => string,
): GatewayOptions {
  return {
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
    allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? PRIVILEGED_INTENTS,
    maxGuildsPerShard: options.maxGuildsPerShard ?? 2_500,
    resumeUrl: () => `${wsBase()}/gateway-resume`,
  };
}

/** Every REST route the fake answers; anything else is a recorded 404. */
export function restRoutes(options: FakeDiscordOptions, wsBase: () => string): Route[] {
  return [
    ...coreRoutes({
      url: () => `${wsBase()}/gateway`,
      recommendedShards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 16,
      sessionStartTotal: 1_000,
    }),
    ...channelRoutes(),
    ...guildRoutes(),
    ...interactionRoutes(options.interactionResponseWindowMs ?? 3_000),
  ];
}
