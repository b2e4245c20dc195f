import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { SetBotCommandsCommand } from './set-bot-commands.command';

@CommandHandler(SetBotCommandsCommand)
export class SetBotCommandsHandler implements ICommandHandler<SetBotCommandsCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, list, context }: SetBotCommandsCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'SetBotCommands', botId, list },
      context,
    );
  }
}
