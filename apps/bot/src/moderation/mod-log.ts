import { Injectable, Logger } from '@nestjs/common';
import type { Guild } from 'discord.js';

/** Posts to a guild's channels on auto-moderation's behalf; a failure is logged, never thrown. */
@Injectable()
export class ModerationPoster {
  private readonly logger = new Logger('ModerationPoster');

  /** A mod-log line: it names members without notifying them. */
  toModLog(guild: Guild, channelId: string | null, line: string): Promise<void> {
    return this.post(guild, channelId, line, []);
  }

  /** A message that notifies the members it names (`notify`), such as a welcome. */
  post(guild: Guild, channelId: string | null, content: string, notify: string[]): Promise<void> {
    if (channelId === null) return Promise.resolve();
    return this.send(guild, channelId, content, notify).catch((error: unknown) => {
      this.logger.warn(`could not post in channel ${channelId} of guild ${guild.id}: ${String(error)}`);
    });
  }

  private async send(guild: Guild, channelId: string, content: string, notify: string[]): Promise<void> {
    const channel = guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId));
    if (!channel?.isSendable()) {
      this.logger.warn(`channel ${channelId} of guild ${guild.id} does not take messages`);
      return;
    }
    await channel.send({ content, allowedMentions: { parse: [], users: notify } });
  }
}
