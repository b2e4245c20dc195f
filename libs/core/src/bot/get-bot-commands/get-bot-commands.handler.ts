import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BotsReadModel } from '#projections';
import { GetBotCommandsQuery } from './get-bot-commands.query';

@QueryHandler(GetBotCommandsQuery)
export class GetBotCommandsHandler implements IQueryHandler<GetBotCommandsQuery> {
  constructor(private readonly bots: BotsReadModel) {}

  async execute({ botId }: GetBotCommandsQuery) {
    return this.bots.commands(botId);
  }
}
