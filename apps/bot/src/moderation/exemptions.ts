import { PermissionFlagsBits, type GuildMember, type User } from 'discord.js';

/**
 * Who auto-moderation leaves alone: bots (itself included) and webhooks, whose messages other
 * tools own, and moderators — members who may manage messages or administer the guild (the owner
 * has every permission). Moderators quoting a filtered word while moderating is expected.
 */
export function isExemptAuthor(author: User, webhookId: string | null): boolean {
  return author.bot || author.system || webhookId !== null;
}

export function isModerator(member: GuildMember): boolean {
  return member.permissions.has(PermissionFlagsBits.ManageMessages, true);
}
