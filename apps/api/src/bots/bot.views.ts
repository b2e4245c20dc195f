import { NotFoundException } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { GetBotQuery, type CommandResult, afterWrite } from '#core';
import type { BotReviewView, BotView, DeveloperView } from '#projections';
import { POSITION_HEADER } from '../common/min-position';

/**
 * BotNexus's bot profile, which is also the canonical `/v1` bot resource: the seed's average latency,
 * server count and (command) uptime first, then the public metadata, then what the directory adds.
 */
export function botProfileBody(bot: BotView) {
  return {
    id: bot.id,
    name: bot.name,
    avg_latency_ms: bot.avgLatencyMs,
    server_count: bot.guildCount ?? 0,
    uptime: bot.uptime,
    command_uptime: bot.commandUptime,
    tags: [...bot.tags],
    short_description: bot.shortDescription,
    invite_url: bot.inviteUrl,
    prefix: bot.prefix,
    owner_id: bot.ownerId,
    approved: bot.approved,
    command_count: bot.commandCount,
    review_count: bot.reviewCount,
    average_rating: bot.averageRating,
    samples: bot.samples,
    last_sampled_at: bot.lastSampledAt,
    server_count_updated_at: bot.guildCountUpdatedAt,
    registered_at: bot.registeredAt,
    updated_at: bot.updatedAt,
    revision: bot.revision,
  };
}

export function reviewBody(review: BotReviewView) {
  return {
    bot_id: review.botId,
    user_id: review.userId,
    rating: review.rating,
    text: review.text,
    created_at: review.createdAt,
    updated_at: review.updatedAt,
  };
}

/** BotNexus's `GET /v1/developers/{username}/status`. */
export function developerStatusBody(developer: DeveloperView) {
  return {
    username: developer.username,
    verified: developer.verified,
    badge: developer.badge,
    api_tier: developer.apiTier,
  };
}

/** Read-your-writes for bot writes: the position header, then the bot as the read model shows it after. */
export async function botAfterWrite(
  queryBus: QueryBus,
  reply: FastifyReply,
  botId: string,
  result: CommandResult,
): Promise<BotView> {
  if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
  const bot = await queryBus.execute(new GetBotQuery(botId, afterWrite(result.position)));
  if (!bot) throw new NotFoundException(`bot ${botId} not found`);
  return bot;
}
