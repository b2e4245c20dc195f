import { Inject, Injectable } from '@nestjs/common';
import { Context, On, type ContextOf } from 'necord';
import { RecordUsageCommand, uuidOf } from '#core';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { GatewayCommands, gatewayContext } from '../gateway-commands';
import { ActivityThrottle } from './activity-throttle';

/**
 * MESSAGE_CREATE as member activity for analytics: at most one `MemberActive` per member and guild
 * per `DISCORD_ACTIVITY_WINDOW_MS`, naming the channel and never the content. Bots, webhooks and DMs
 * are not member activity. (Prefix commands and auto-moderation have listeners of their own.)
 */
@Injectable()
export class ActivityListener {
  private readonly throttle: ActivityThrottle;

  constructor(
    @Inject(GUILDHALL_CONFIG) config: GuildhallConfig,
    private readonly commands: GatewayCommands,
  ) {
    this.throttle = new ActivityThrottle(config.discord?.activityWindowMs ?? 300_000);
  }

  @On('messageCreate')
  async onMessage(@Context() [message]: ContextOf<'messageCreate'>): Promise<void> {
    if (!message.inGuild() || message.author.bot || message.webhookId) return;
    const { guildId, channelId } = message;
    const userId = message.author.id;
    const window = this.throttle.admit(guildId, userId, Date.now());
    if (window === undefined) return;
    // The window names the fact: replayed or re-sent after a restart, it is written once.
    const eventId = uuidOf(`MemberActive:${guildId}:${userId}:${window}`);
    const fact = { type: 'RecordMemberActivity' as const, userId, channelId };
    await this.commands.run(
      new RecordUsageCommand(guildId, [fact], gatewayContext(userId), [eventId]),
      `activity of ${userId} in guild ${guildId}`,
    );
  }
}
