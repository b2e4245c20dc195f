import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RecordUserProfileCommand } from './record-user-profile.command';

@CommandHandler(RecordUserProfileCommand)
export class RecordUserProfileHandler implements ICommandHandler<RecordUserProfileCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ userId, profile, context }: RecordUserProfileCommand) {
    return decideAndAppend(
      this.store,
      userDecider,
      userStreamId(userId),
      { type: 'RecordUserProfile', userId, profile },
      context,
    );
  }
}
