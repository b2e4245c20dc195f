import type { AudioPlayer } from '@discordjs/voice';
import { DetachedVoiceConnector } from '../voice-connector';
import { PacketTap } from './packet-tap';

/** No Discord, but every guild's player feeds a PacketTap, as if a voice connection were ready. */
export class TappingVoiceConnector extends DetachedVoiceConnector {
  readonly taps = new Map<string, PacketTap>();
  readonly channels = new Map<string, string | null>();

  override connect(guildId: string, channelId: string): void {
    this.channels.set(guildId, channelId);
  }

  override disconnect(guildId: string): void {
    this.channels.set(guildId, null);
  }

  override playerCreated(guildId: string, player: AudioPlayer): void {
    this.taps.set(guildId, PacketTap.attach(player));
  }
}
