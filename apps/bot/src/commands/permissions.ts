import { DomainError } from '#domain';
import { canManageGuild } from '../keys/genkey';
import type { DiscordInvocation } from './discord-invocation';

/** The role whose members may control the player without Manage Server (matched by name, any case). */
export const DJ_ROLE_NAME = 'DJ';

/** The guild the command runs in; refused in a DM, where there is no guild to act on. */
export function requireGuild(invocation: DiscordInvocation, command: string): string {
  if (invocation.guildId === null) {
    throw new DomainError(
      'invalid',
      'guild_only',
      `\`${command}\` works in a server, not in a direct message`,
    );
  }
  return invocation.guildId;
}

const managesGuild = (invocation: DiscordInvocation): boolean =>
  canManageGuild({ ...invocation, memberPermissions: invocation.permissions });

/** Settings and guild keys: the owner, an administrator, or a member with Manage Server. */
export function requireManageGuild(invocation: DiscordInvocation, command: string): string {
  const guildId = requireGuild(invocation, command);
  if (!managesGuild(invocation)) {
    throw new DomainError(
      'forbidden',
      'missing_permission',
      `\`${command}\` needs the Manage Server permission`,
    );
  }
  return guildId;
}

/** Player controls that change what everyone hears: the DJ role, or Manage Server. */
export function requireDj(invocation: DiscordInvocation, command: string): string {
  const guildId = requireGuild(invocation, command);
  const dj = invocation.roleNames.some((name) => name.toLowerCase() === DJ_ROLE_NAME.toLowerCase());
  if (!dj && !managesGuild(invocation)) {
    throw new DomainError(
      'forbidden',
      'missing_permission',
      `\`${command}\` needs the ${DJ_ROLE_NAME} role or the Manage Server permission`,
    );
  }
  return guildId;
}
