import { Injectable, UseInterceptors } from '@nestjs/common';
import { InteractionContextType } from 'discord.js';
import { Context, SlashCommand, type SlashCommandContext } from 'necord';
import { answerSlash } from '../answer-slash';
import { DiscordRefusalInterceptor } from '../refusal.interceptor';
import { StatsActions } from './stats-actions';

const inGuild = { contexts: [InteractionContextType.Guild] };

/** `/stats` and `/analytics` for the guild they run in. */
@Injectable()
@UseInterceptors(DiscordRefusalInterceptor)
export class StatsCommands {
  constructor(private readonly stats: StatsActions) {}

  @SlashCommand({ name: 'stats', description: "The server's members, bots and who is online", ...inGuild })
  onStats(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.stats.stats(i));
  }

  @SlashCommand({ name: 'analytics', description: 'Commands used, active members and growth', ...inGuild })
  onAnalytics(@Context() [interaction]: SlashCommandContext) {
    return answerSlash(interaction, (i) => this.stats.analytics(i));
  }
}
