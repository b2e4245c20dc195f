import { GuildMember, type ChatInputCommandInteraction, type Message } from 'discord.js';
import { discordCommandContext } from '../keys/discord-key-plan';
import type { DiscordInvocation } from './discord-invocation';

/** A slash command's invocation: Discord computed the member's permissions in the guild. */
export function invocationOfInteraction(interaction: ChatInputCommandInteraction): DiscordInvocation {
  const { user, guild, member } = interaction;
  const roleIds = member instanceof GuildMember ? [...member.roles.cache.keys()] : (member?.roles ?? []);
  return {
    userId: user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    guildOwnerId: guild?.ownerId ?? null,
    permissions: interaction.memberPermissions?.bitfield ?? 0n,
    roleNames: roleIds.flatMap((id) => guild?.roles.cache.get(id)?.name ?? []),
    voiceChannelId: guild?.voiceStates.cache.get(user.id)?.channelId ?? null,
    context: discordCommandContext(user.id, interaction.id),
  };
}

/** A prefix command's invocation: the member's permissions in the channel, from the cached roles. */
export function invocationOfMessage(message: Message): DiscordInvocation {
  const { author, guild, member } = message;
  const inGuildChannel = message.inGuild() && member !== null;
  return {
    userId: author.id,
    guildId: message.guildId,
    channelId: message.channelId,
    guildOwnerId: guild?.ownerId ?? null,
    permissions: inGuildChannel ? member.permissionsIn(message.channel).bitfield : 0n,
    roleNames: member
      ? member.roles.cache.filter((role) => role.id !== guild?.id).map((role) => role.name)
      : [],
    voiceChannelId: member?.voice.channelId ?? null,
    context: discordCommandContext(author.id, message.id),
  };
}
