import { Command } from '@nestjs/cqrs';
import type { ApiKeyRequester } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/**
 * Replaces an active key's scopes (`admin`, `bot:{botId}`); the same set in any order changes nothing.
 * An operator's command: a door that exposes it passes the caller as `requestedBy`, and the domain
 * accepts only an unbound admin key. Trusted doors (CLI) pass none.
 */
export class ChangeApiKeyScopesCommand extends Command<CommandResult> {
  constructor(
    readonly keyId: string,
    readonly scopes: readonly string[],
    readonly context: CommandContext,
    readonly requestedBy?: ApiKeyRequester,
  ) {
    super();
  }
}
