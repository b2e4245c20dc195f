import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { ChangeSettingsCommand } from './change-settings.command';

@CommandHandler(ChangeSettingsCommand)
export class ChangeSettingsHandler implements ICommandHandler<ChangeSettingsCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, changes, context }: ChangeSettingsCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'ChangeSettings', guildId, changes },
      context,
    );
  }
}
