import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { moderationDecider, moderationStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { TimeOutMemberCommand } from './time-out-member.command';

@CommandHandler(TimeOutMemberCommand)
export class TimeOutMemberHandler implements ICommandHandler<TimeOutMemberCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ timeout, context }: TimeOutMemberCommand) {
    return decideAndAppend(
      this.store,
      moderationDecider,
      moderationStreamId(timeout.guildId),
      { type: 'TimeOutMember', ...timeout },
      context,
    );
  }
}
