import {
  joinVoiceChannel,
  NoSubscriberBehavior,
  VoiceConnectionStatus,
  type AudioPlayer,
  type DiscordGatewayAdapterCreator,
  type VoiceConnection,
} from '@discordjs/voice';

/**
 * Puts a guild's AudioPlayer in a voice channel. Injected by this abstract class: Discord when a
 * gateway client exists, detached (no connection) in embedded mode and tests.
 */
export abstract class VoiceConnector {
  /** What a player does with audio while no connection is ready to take it. */
  abstract readonly noSubscriber: NoSubscriberBehavior;
  /** Whether a track may start before the player has joined a voice channel. */
  abstract readonly needsChannel: boolean;
  /** Joins (or moves to) `channelId` and subscribes the player; a no-op when already there. */
  abstract connect(guildId: string, channelId: string, player: AudioPlayer): void;
  abstract disconnect(guildId: string): void;
  /** Called once per guild when its AudioPlayer is created (tests and the benchmark tap it here). */
  playerCreated(_guildId: string, _player: AudioPlayer): void {}
}

/**
 * No voice connection: players play into nothing, at Discord's pace (`noSubscriber: Play`), so
 * the queue advances, events are appended and now-playing moves exactly as it would in a channel.
 */
export class DetachedVoiceConnector extends VoiceConnector {
  readonly noSubscriber = NoSubscriberBehavior.Play;
  readonly needsChannel = false;
  connect(_guildId: string, _channelId: string, _player: AudioPlayer): void {}
  disconnect(_guildId: string): void {}
}

/**
 * Real voice connections through @discordjs/voice. Takes the gateway's adapter per guild
 * (discord.js: `client.guilds.cache.get(id)?.voiceAdapterCreator`), so it needs no Discord client type.
 */
export class DiscordVoiceConnector extends VoiceConnector {
  // Without a ready connection nobody hears the audio: hold the track instead of consuming it.
  readonly noSubscriber = NoSubscriberBehavior.Pause;
  readonly needsChannel = true;
  private readonly connections = new Map<string, { channelId: string; connection: VoiceConnection }>();

  constructor(
    private readonly adapterFor: (guildId: string) => DiscordGatewayAdapterCreator | undefined,
    private readonly onError: (message: string, error: unknown) => void = () => {},
  ) {
    super();
  }

  connect(guildId: string, channelId: string, player: AudioPlayer): void {
    const known = this.connections.get(guildId);
    if (known?.channelId === channelId && known.connection.state.status !== VoiceConnectionStatus.Destroyed)
      return;
    const adapterCreator = this.adapterFor(guildId);
    if (!adapterCreator) {
      this.onError(`voice: guild ${guildId} is not on this shard`, undefined);
      return;
    }
    // joinVoiceChannel reuses and moves the guild's existing connection when there is one.
    const connection = joinVoiceChannel({ guildId, channelId, adapterCreator, selfDeaf: true });
    connection.on('error', (error) => this.onError(`voice connection of guild ${guildId}`, error));
    connection.subscribe(player);
    this.connections.set(guildId, { channelId, connection });
  }

  disconnect(guildId: string): void {
    const known = this.connections.get(guildId);
    this.connections.delete(guildId);
    if (known && known.connection.state.status !== VoiceConnectionStatus.Destroyed)
      known.connection.destroy();
  }
}
