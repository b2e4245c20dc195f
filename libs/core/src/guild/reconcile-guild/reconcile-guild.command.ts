import { Command } from '@nestjs/cqrs';
import type { GatewayGuildSnapshot } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** The gateway announced a guild (GUILD_CREATE, GUILD_UPDATE): register it, or record what changed. */
export class ReconcileGuildCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly snapshot: GatewayGuildSnapshot,
    readonly context: CommandContext,
  ) {
    super();
  }
}
