import { Injectable } from '@nestjs/common';
import type { Channel } from 'discord.js';
import { Context, On, type ContextOf } from 'necord';
import { VoiceStates } from '#core';

/** VOICE_STATE_UPDATE and channel changes keep the live voice view (VoiceStates) that other features query. */
@Injectable()
export class VoiceStateListener {
  constructor(private readonly voiceStates: VoiceStates) {}

  @On('voiceStateUpdate')
  onVoiceStateUpdate(@Context() [, state]: ContextOf<'voiceStateUpdate'>): void {
    this.voiceStates.memberMoved(state.guild.id, state.id, state.channelId);
  }

  @On('channelCreate')
  onChannelCreate(@Context() [channel]: ContextOf<'channelCreate'>): void {
    this.voiceStates.channelChanged(channel.guildId, channel.id, channel.isVoiceBased());
  }

  @On('channelUpdate')
  onChannelUpdate(@Context() [, channel]: ContextOf<'channelUpdate'>): void {
    this.changed(channel);
  }

  @On('channelDelete')
  onChannelDelete(@Context() [channel]: ContextOf<'channelDelete'>): void {
    if (!channel.isDMBased()) this.voiceStates.channelRemoved(channel.guildId, channel.id);
  }

  private changed(channel: Channel): void {
    if (!channel.isDMBased())
      this.voiceStates.channelChanged(channel.guildId, channel.id, channel.isVoiceBased());
  }
}
