import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { SampleOnlineCountCommand } from './sample-online-count.command';

@CommandHandler(SampleOnlineCountCommand)
export class SampleOnlineCountHandler implements ICommandHandler<SampleOnlineCountCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, onlineCount, context }: SampleOnlineCountCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'SampleOnlineCount', guildId, onlineCount },
      context,
    );
  }
}
