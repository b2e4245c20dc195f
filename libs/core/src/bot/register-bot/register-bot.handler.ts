import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RegisterBotCommand } from './register-bot.command';

@CommandHandler(RegisterBotCommand)
export class RegisterBotHandler implements ICommandHandler<RegisterBotCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, registration, context }: RegisterBotCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'RegisterBot', botId, ...registration },
      context,
    );
  }
}
