import { randomUUID } from 'node:crypto';
import type { CommandContext } from '#core';
import type { IssueApiKeyCommand } from '#core';

/** Discord permission bits the key commands look at (a member's permissions arrive as a bigint). */
export const DISCORD_PERMISSIONS = {
  ADMINISTRATOR: 1n << 3n,
  MANAGE_GUILD: 1n << 5n,
} as const;

/** What a Discord key command should do: dispatch this command, or reply with this refusal. */
export type DiscordKeyPlan =
  | { readonly kind: 'issue'; readonly command: IssueApiKeyCommand }
  | { readonly kind: 'refuse'; readonly message: string };

/** The context of a change a Discord user asked for: the user is the actor, Discord the door. */
export function discordCommandContext(userId: string, correlationId: string = randomUUID()): CommandContext {
  return { actor: { kind: 'discord-user', id: userId }, door: 'discord', correlationId, causationId: null };
}
