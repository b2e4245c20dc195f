import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { ReportGuildCountCommand } from './report-guild-count.command';

@CommandHandler(ReportGuildCountCommand)
export class ReportGuildCountHandler implements ICommandHandler<ReportGuildCountCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, guildCount, context }: ReportGuildCountCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'ReportGuildCount', botId, guildCount },
      context,
    );
  }
}
