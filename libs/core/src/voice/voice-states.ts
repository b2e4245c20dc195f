import { Injectable } from '@nestjs/common';

interface GuildVoice {
  readonly voiceChannels: Set<string>;
  /** userId → the voice channel the member is in. */
  readonly members: Map<string, string>;
}

/**
 * Who is in which voice channel, and which channels are voice channels, per guild, as the Discord
 * gateway last said (GUILD_CREATE, VOICE_STATE_UPDATE, CHANNEL_*). In memory: it is live state that
 * Discord re-sends on every connection, not history. A process without the gateway, or a guild on
 * another process's shard, is unknown here: the answers are `undefined`, never a guess.
 */
@Injectable()
export class VoiceStates {
  private readonly guilds = new Map<string, GuildVoice>();

  /** What a fresh GUILD_CREATE says, replacing what was known of the guild. */
  replaceGuild(
    guildId: string,
    voiceChannelIds: Iterable<string>,
    states: Iterable<readonly [userId: string, channelId: string]>,
  ): void {
    this.guilds.set(guildId, { voiceChannels: new Set(voiceChannelIds), members: new Map(states) });
  }

  /** A channel was created or changed type. Ignored for a guild not known here. */
  channelChanged(guildId: string, channelId: string, isVoice: boolean): void {
    const guild = this.guilds.get(guildId);
    if (!guild) return;
    if (isVoice) guild.voiceChannels.add(channelId);
    else this.channelRemoved(guildId, channelId);
  }

  channelRemoved(guildId: string, channelId: string): void {
    const guild = this.guilds.get(guildId);
    if (!guild) return;
    guild.voiceChannels.delete(channelId);
    for (const [userId, channel] of guild.members) if (channel === channelId) guild.members.delete(userId);
  }

  /** VOICE_STATE_UPDATE: the member is now in `channelId`, or in none (`null`). */
  memberMoved(guildId: string, userId: string, channelId: string | null): void {
    const guild = this.guilds.get(guildId);
    if (!guild) return;
    if (channelId === null) guild.members.delete(userId);
    else guild.members.set(userId, channelId);
  }

  /** The bot left the guild, or the guild went unavailable. */
  forgetGuild(guildId: string): void {
    this.guilds.delete(guildId);
  }

  knows(guildId: string): boolean {
    return this.guilds.has(guildId);
  }

  /** The member's voice channel, `null` when in none, `undefined` when the guild is unknown here. */
  channelOf(guildId: string, userId: string): string | null | undefined {
    const guild = this.guilds.get(guildId);
    return guild ? (guild.members.get(userId) ?? null) : undefined;
  }

  /** Whether the channel is one of the guild's voice (or stage) channels; `undefined` when unknown here. */
  isVoiceChannel(guildId: string, channelId: string): boolean | undefined {
    return this.guilds.get(guildId)?.voiceChannels.has(channelId);
  }

  /** The members in a voice channel (empty when none, or unknown). */
  membersIn(guildId: string, channelId: string): string[] {
    const guild = this.guilds.get(guildId);
    if (!guild) return [];
    return [...guild.members].filter(([, channel]) => channel === channelId).map(([userId]) => userId);
  }
}
