import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** What erasing a user's personal data did: the event recording it, and how many keys were forgotten. */
export interface ErasureResult extends CommandResult {
  readonly keysForgotten: number;
}

/**
 * Forgets the user's personal-data keys (crypto-shredding) and records `PersonalDataErased` in their
 * stream, so read models rewrite what they hold. Erasing twice forgets nothing more but is recorded.
 */
export class ErasePersonalDataCommand extends Command<ErasureResult> {
  constructor(
    readonly userId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
