import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/**
 * Replaces an active key's scopes (`admin`, `bot:{botId}`); the same set in any order changes nothing.
 * An operator's command: doors that expose it must check the caller is an admin.
 */
export class ChangeApiKeyScopesCommand extends Command<CommandResult> {
  constructor(
    readonly keyId: string,
    readonly scopes: readonly string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
