import { NoSubscriberBehavior, type AudioPlayer } from '@discordjs/voice';
import type { VoiceLinkEvent } from './voice-link-policy';

export type VoiceLinkListener = (guildId: string, event: VoiceLinkEvent) => void;

/**
 * Puts a guild's AudioPlayer in a voice channel. Injected by this abstract class: Discord when a
 * gateway client exists, detached (no connection) in embedded mode and tests.
 */
export abstract class VoiceConnector {
  /** What a player does with audio while no connection is ready to take it. */
  abstract readonly noSubscriber: NoSubscriberBehavior;
  /** Whether a track may start before the player has joined a voice channel. */
  abstract readonly needsChannel: boolean;
  protected listener: VoiceLinkListener = () => {};
  /** Joins (or moves to) `channelId` and subscribes the player; a no-op when already there. */
  abstract connect(guildId: string, channelId: string, player: AudioPlayer): void;
  abstract disconnect(guildId: string): void;
  /** Whether audio the guild's player sends now reaches a voice server. */
  abstract isReady(guildId: string): boolean;
  /** Called once per guild when its AudioPlayer is created (tests and the benchmark tap it here). */
  playerCreated(_guildId: string, _player: AudioPlayer): void {}
  /** Where the connections report faults, reconnects and moves (the worker). */
  listen(listener: VoiceLinkListener): void {
    this.listener = listener;
  }
  /** Leaves every channel (shutdown). */
  closeAll(): void {}
  /** The connections this process holds, counted by status, for metrics; none when detached. */
  connectionsByStatus(): Record<string, number> {
    return {};
  }
}

/**
 * No voice connection: players play into nothing, at Discord's pace (`noSubscriber: Play`), so
 * the queue advances, events are appended and now-playing moves exactly as it would in a channel.
 */
export class DetachedVoiceConnector extends VoiceConnector {
  readonly noSubscriber: NoSubscriberBehavior = NoSubscriberBehavior.Play;
  readonly needsChannel: boolean = false;
  connect(_guildId: string, _channelId: string, _player: AudioPlayer): void {}
  disconnect(_guildId: string): void {}
  isReady(_guildId: string): boolean {
    return true;
  }
}
