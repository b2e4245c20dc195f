import type { CommandContext } from '#core';

/**
 * What a Discord command knows about who ran it and where, the same for a slash command and a
 * prefix command, so one action serves both.
 */
export interface DiscordInvocation {
  readonly userId: string;
  /** Null in a DM. */
  readonly guildId: string | null;
  readonly channelId: string;
  readonly guildOwnerId: string | null;
  /**
   * The member's permissions: in the guild for a slash command (`memberPermissions`, which Discord
   * computes), in the channel for a prefix command (roles and overwrites, from discord.js's cache).
   */
  readonly permissions: bigint;
  /** Names of the member's roles (the DJ role opens the music controls). */
  readonly roleNames: readonly string[];
  /** The voice channel the member is in, from the gateway's voice states; null when none. */
  readonly voiceChannelId: string | null;
  /** The Discord user is the actor, Discord the door; the interaction or message id correlates. */
  readonly context: CommandContext;
}
