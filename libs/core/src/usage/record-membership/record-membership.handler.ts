import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RecordMembershipCommand } from './record-membership.command';

@CommandHandler(RecordMembershipCommand)
export class RecordMembershipHandler implements ICommandHandler<RecordMembershipCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, userId, joined, context, options }: RecordMembershipCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'RecordMembership', guildId, userId, joined, bot: options.bot ?? false, at: options.at },
      context,
    );
  }
}
