import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { ApproveBotCommand } from './approve-bot.command';

@CommandHandler(ApproveBotCommand)
export class ApproveBotHandler implements ICommandHandler<ApproveBotCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, context }: ApproveBotCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'ApproveBot', botId },
      context,
    );
  }
}
