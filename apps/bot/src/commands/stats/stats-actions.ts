import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { APIEmbed } from 'discord.js';
import { GetAnalyticsSummaryQuery, GetGuildQuery } from '#core';
import { DomainError } from '#domain';
import type { DiscordInvocation } from '../discord-invocation';
import type { DiscordReply } from '../discord-reply';
import { requireGuild } from '../permissions';
import { QueryUsage } from '../query-usage';

const EMBED_COLOUR = 0x57f287;
const notRegistered = () =>
  new DomainError('not_found', 'guild_not_found', 'this server is not registered yet');
const field = (name: string, value: number) => ({ name, value: value.toLocaleString('en-US'), inline: true });

/**
 * `/stats` (Hush's `GET /v1/servers/{id}/stats`: members, bots, online) and `/analytics` (Hexify's
 * `GET /v2/servers/{id}/analytics`, a Premium feature there and here), for the guild they run in.
 */
@Injectable()
export class StatsActions {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly usage: QueryUsage,
  ) {}

  async stats(invocation: DiscordInvocation): Promise<DiscordReply> {
    const guildId = requireGuild(invocation, 'stats');
    const guild = await this.queryBus.execute(new GetGuildQuery(guildId));
    if (!guild) throw notRegistered();
    await this.usage.record(invocation, guildId, 'stats', 'utility');
    const embed: APIEmbed = {
      title: `${guild.name} — stats`,
      color: EMBED_COLOUR,
      fields: [
        field('Members', guild.memberCount),
        field('Bots', guild.botCount),
        field('Online', guild.onlineCount),
      ],
    };
    return { embeds: [embed] };
  }

  async analytics(invocation: DiscordInvocation): Promise<DiscordReply> {
    const guildId = requireGuild(invocation, 'analytics');
    const answer = await this.queryBus.execute(new GetAnalyticsSummaryQuery(guildId));
    if (!answer) throw notRegistered();
    if (!answer.guild.premium) {
      throw new DomainError(
        'forbidden',
        'premium_required',
        'analytics is a Premium feature: this server is not on Premium',
      );
    }
    await this.usage.record(invocation, guildId, 'analytics', 'utility');
    const { commands, activeUsers, members } = answer.result;
    const breakdown = Object.entries(commands.breakdown)
      .map(([category, count]) => `${category} ${count}`)
      .join(' · ');
    const embed: APIEmbed = {
      title: `${answer.guild.name} — analytics`,
      description: `Today is counted in ${answer.timeZone}.`,
      color: EMBED_COLOUR,
      fields: [
        field('Commands today', commands.today),
        field('Commands in all', commands.total),
        { name: 'By category', value: breakdown || 'none yet', inline: false },
        field('Active today', activeUsers.daily),
        field('This week', activeUsers.weekly),
        field('This month', activeUsers.monthly),
        field('Joined today', members.joinsToday),
        field('Left today', members.leavesToday),
        field('Net growth', members.joinsToday - members.leavesToday),
      ],
    };
    return { embeds: [embed] };
  }
}
