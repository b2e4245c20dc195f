import { IssueApiKeyCommand } from '#core';
import type { CommandContext } from '#core';
import { DISCORD_PERMISSIONS, type DiscordKeyPlan } from './discord-key-plan';

/** What `/genkey` knows about where and by whom it was run. */
export interface GenKeyInvocation {
  /** Null when run outside a guild (in a DM). */
  readonly guildId: string | null;
  readonly userId: string;
  readonly guildOwnerId: string | null;
  /** The member's resolved permissions in the guild (`interaction.memberPermissions.bitfield`). */
  readonly memberPermissions: bigint;
}

export const GENKEY_LABEL = 'Discord /genkey';

export const GENKEY_REFUSALS = {
  notInGuild: 'Run /genkey in the server the key is for: a key is bound to one server.',
  notAllowed:
    'Only the server owner or members with the Manage Server permission can generate an API key for this server.',
} as const;

/** Whether the member may manage the guild: its owner, an administrator, or Manage Server. */
export function canManageGuild(invocation: GenKeyInvocation): boolean {
  if (invocation.guildOwnerId !== null && invocation.userId === invocation.guildOwnerId) return true;
  const granted = DISCORD_PERMISSIONS.ADMINISTRATOR | DISCORD_PERMISSIONS.MANAGE_GUILD;
  return (invocation.memberPermissions & granted) !== 0n;
}

/**
 * `/genkey` (Elixir): a key bound to the invoking user and this guild, for those who may manage it.
 * Pure: the Necord handler passes what the interaction says and dispatches the command it gets back.
 */
export function planGenKey(invocation: GenKeyInvocation, context: CommandContext): DiscordKeyPlan {
  if (invocation.guildId === null) return { kind: 'refuse', message: GENKEY_REFUSALS.notInGuild };
  if (!canManageGuild(invocation)) return { kind: 'refuse', message: GENKEY_REFUSALS.notAllowed };
  return {
    kind: 'issue',
    command: new IssueApiKeyCommand(
      invocation.userId,
      { guildId: invocation.guildId, tier: 'free', label: GENKEY_LABEL },
      context,
    ),
  };
}
