import { Injectable, Logger } from '@nestjs/common';
import { RecordUsageCommand, UsageRecordingCommandBus } from '#core';
import type { UsageCategory } from '#domain';
import type { DiscordInvocation } from './discord-invocation';

/**
 * A Discord command that only reads (`/queue`, `/stats`) is still a command a member used: the bus
 * counts commands that change something, so these say it themselves once they have read. As with
 * the bus's own records, a record that fails is logged and the answer still stands.
 */
@Injectable()
export class QueryUsage {
  private readonly logger = new Logger('QueryUsage');

  constructor(private readonly commandBus: UsageRecordingCommandBus) {}

  async record(
    invocation: DiscordInvocation,
    guildId: string,
    name: string,
    category: UsageCategory,
  ): Promise<void> {
    const { userId, context } = invocation;
    const fact = {
      type: 'RecordCommandInvocation' as const,
      name,
      category,
      userId,
      actor: `${context.actor.kind}:${context.actor.id}`,
      door: 'discord' as const,
    };
    try {
      await this.commandBus.execute(new RecordUsageCommand(guildId, [fact], context));
    } catch (error) {
      this.logger.error(`could not record ${name} for guild ${guildId}: ${(error as Error).message}`);
    }
  }
}
