import type { RateLimitPolicy } from '#ratelimit';

/**
 * Bots on Discord's per-route limits, each counted per bot (the route's `:id`): the seed has no
 * default limit, so every route carries its own.
 */
export const BOD_GUILD_COUNT_POLICY: RateLimitPolicy = { name: 'guild-count', limit: 2, windowSeconds: 240 };
export const BOD_REVIEW_POLICY: RateLimitPolicy = { name: 'review', limit: 20, windowSeconds: 10 };
export const BOD_COMMANDS_POLICY: RateLimitPolicy = { name: 'commands', limit: 10, windowSeconds: 3600 };
