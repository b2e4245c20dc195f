import { NoSubscriberBehavior } from '@discordjs/voice';
import type { VoiceLinkEvent } from '../voice-link-policy';
import { TappingVoiceConnector } from './tapping-connector';

/**
 * A tapped connector that behaves like Discord's to the worker (a track waits for a channel, audio is
 * held while the connection is not ready) and lets a test make its connection fail, recover or move.
 */
export class ScriptedVoiceConnector extends TappingVoiceConnector {
  override readonly noSubscriber: NoSubscriberBehavior = NoSubscriberBehavior.Pause;
  override readonly needsChannel: boolean = true;
  readonly joins: string[] = [];

  override connect(guildId: string, channelId: string): void {
    super.connect(guildId, channelId);
    this.joins.push(channelId);
  }

  override isReady(guildId: string): boolean {
    return this.taps.get(guildId)?.state.status === 'ready' && Boolean(this.channels.get(guildId));
  }

  /** The connection goes down (or, with `reconnecting` false, is gone): no frame is taken meanwhile. */
  lose(guildId: string, event: Omit<Extract<VoiceLinkEvent, { type: 'lost' }>, 'type'>): void {
    this.taps.get(guildId)!.state.status = event.reconnecting ? 'connecting' : 'destroyed';
    this.listener(guildId, { type: 'lost', ...event });
  }

  recover(guildId: string): void {
    this.taps.get(guildId)!.state.status = 'ready';
    this.listener(guildId, { type: 'ready' });
  }

  move(guildId: string, channelId: string): void {
    this.channels.set(guildId, channelId);
    this.listener(guildId, { type: 'moved', channelId });
  }
}
