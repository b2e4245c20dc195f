import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, type Command, type ICommand } from '@nestjs/cqrs';
import { usageDecider, usageStreamId, type UsageDoor } from '#domain';
import { EventStore } from '#eventstore';
import { appendFacts } from '../command-handling/append-facts';
import type { CommandContext } from '../command-handling/command-context';
import { usageOf } from './counts-as-usage';

/**
 * The command bus as the doors (REST, Discord, CLI) use it: it runs the command on the CommandBus
 * and then, only if the command succeeded, records its invocation as usage, whichever door sent it.
 * A command counts when its class is marked `@CountsAsUsage` and a person asked (a Discord user, or
 * an API key for its owner); the system's own commands (startup, the demo loader, the player
 * worker's reports) are not usage. A command the domain refused was not used, so it is not counted.
 *
 * The record is awaited, so the door answers once it is stored; if only the record fails, the
 * command's result still stands (it happened) and the failure is logged.
 */
@Injectable()
export class UsageRecordingCommandBus {
  private readonly logger = new Logger('UsageRecordingCommandBus');

  constructor(
    private readonly bus: CommandBus,
    private readonly store: EventStore,
  ) {}

  execute<R>(command: Command<R>): Promise<R>;
  execute<R = unknown>(command: ICommand): Promise<R>;
  async execute(command: ICommand): Promise<unknown> {
    const result: unknown = await this.bus.execute(command);
    await this.record(command);
    return result;
  }

  private async record(command: ICommand): Promise<void> {
    const usage = usageOf(command);
    const { guildId, context } = command as { guildId?: unknown; context?: CommandContext };
    if (!usage || typeof guildId !== 'string' || !context || context.actor.kind === 'system') return;
    const userId = context.actor.kind === 'discord-user' ? context.actor.id : (context.onBehalfOf ?? null);
    const fact = {
      type: 'RecordCommandInvocation' as const,
      guildId,
      name: usage.name,
      category: usage.category,
      userId,
      actor: `${context.actor.kind}:${context.actor.id}`,
      door: context.door as UsageDoor,
    };
    try {
      await appendFacts(this.store, usageDecider, usageStreamId(guildId), [fact], context);
    } catch (error) {
      this.logger.error(`could not record ${usage.name} for guild ${guildId}: ${(error as Error).message}`);
    }
  }
}
