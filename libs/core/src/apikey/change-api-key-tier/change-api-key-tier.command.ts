import { Command } from '@nestjs/cqrs';
import type { ApiKeyRequester } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/**
 * Moves an active key to another rate-limit tier (`free`, `premium`, `enterprise`). An operator's
 * command: doors that expose it must check the caller is an admin.
 */
export class ChangeApiKeyTierCommand extends Command<CommandResult> {
  constructor(
    readonly keyId: string,
    readonly tier: string,
    readonly context: CommandContext,
    readonly requestedBy?: ApiKeyRequester,
  ) {
    super();
  }
}
