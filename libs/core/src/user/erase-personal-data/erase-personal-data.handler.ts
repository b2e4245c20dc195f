import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertSnowflake, userDecider, userStreamId } from '#domain';
import { EventStore, PersonalDataKeys } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { ErasePersonalDataCommand, type ErasureResult } from './erase-personal-data.command';

@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly keys: PersonalDataKeys,
  ) {}

  /**
   * The key goes first: if the append then fails, the data is already unreadable and a retry records
   * it; the other order could record an erasure that did not happen.
   */
  async execute({ userId, context }: ErasePersonalDataCommand): Promise<ErasureResult> {
    assertSnowflake(userId, 'id');
    const keysForgotten = await this.keys.forget(userId);
    const result = await decideAndAppend(
      this.store,
      userDecider,
      userStreamId(userId),
      { type: 'RecordPersonalDataErasure', userId, keysForgotten },
      context,
    );
    return { ...result, keysForgotten };
  }
}
