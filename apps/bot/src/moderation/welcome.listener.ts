import { Injectable, Logger } from '@nestjs/common';
import { Context, On, type ContextOf } from 'necord';
import { GuildModerationSettingsSource } from './guild-moderation-settings';
import { welcomeLine } from './mod-log-lines';
import { ModerationPoster } from './mod-log';

/**
 * Greets each member who joins (GUILD_MEMBER_ADD) in the guild's welcome channel, where one is set.
 * Bots are not greeted. Nothing is recorded here: the join itself is the guild's MemberJoined.
 */
@Injectable()
export class WelcomeListener {
  private readonly logger = new Logger('Welcome');

  constructor(
    private readonly settings: GuildModerationSettingsSource,
    private readonly poster: ModerationPoster,
  ) {}

  @On('guildMemberAdd')
  async onJoin(@Context() [member]: ContextOf<'guildMemberAdd'>): Promise<void> {
    if (member.user.bot) return;
    try {
      const settings = await this.settings.get(member.guild.id);
      if (!settings?.welcomeChannelId) return;
      await this.poster.post(
        member.guild,
        settings.welcomeChannelId,
        welcomeLine(member.id, member.guild.name),
        [member.id],
      );
    } catch (error) {
      this.logger.error(`could not welcome member ${member.id} in guild ${member.guild.id}`, error);
    }
  }
}
