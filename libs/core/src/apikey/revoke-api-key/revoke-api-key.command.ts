import { Command } from '@nestjs/cqrs';
import type { ApiKeyRequester } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

export interface RevokeApiKeyOptions {
  /**
   * Who asks, when the door must check it: a Discord user id, or a principal with its scopes (an
   * `ApiKeyPrincipal` fits). Only the key's owner or an `admin` may revoke; others are refused as
   * `forbidden`. Absent for trusted doors (CLI, system).
   */
  readonly requestedBy?: string | ApiKeyRequester;
  /** Why, for the audit trail; at most 200 characters. */
  readonly reason?: string | null;
}

/** Revokes a key for good; revoking a revoked key changes nothing. */
export class RevokeApiKeyCommand extends Command<CommandResult> {
  constructor(
    readonly keyId: string,
    readonly context: CommandContext,
    readonly options: RevokeApiKeyOptions = {},
  ) {
    super();
  }
}
