import { NoSubscriberBehavior, type AudioPlayer, type DiscordGatewayAdapterCreator } from '@discordjs/voice';
import { DEFAULT_LINK_TIMINGS, GuildVoiceLink, type VoiceLinkTimings } from './guild-voice-link';
import { VoiceConnector } from './voice-connector';

const PENDING_RETRY_MS = 2_000;

/**
 * Real voice connections through @discordjs/voice. Takes the gateway's adapter per guild
 * (discord.js: `client.guilds.cache.get(id)?.voiceAdapterCreator`), so it needs no Discord client type.
 * A join asked before the guild is known to the gateway (the worker starts before the client is
 * ready) is retried until it is.
 */
export class DiscordVoiceConnector extends VoiceConnector {
  // Without a ready connection nobody hears the audio: hold the track instead of consuming it.
  readonly noSubscriber = NoSubscriberBehavior.Pause;
  readonly needsChannel = true;
  private readonly links = new Map<string, GuildVoiceLink>();
  private readonly pending = new Map<string, { channelId: string; player: AudioPlayer }>();
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly adapterFor: (guildId: string) => DiscordGatewayAdapterCreator | undefined,
    private readonly onError: (message: string, error: unknown) => void = () => {},
    private readonly timings: VoiceLinkTimings = DEFAULT_LINK_TIMINGS,
  ) {
    super();
  }

  connect(guildId: string, channelId: string, player: AudioPlayer): void {
    const link = this.links.get(guildId);
    if (link && link.connection.state.status !== 'destroyed') {
      if (link.channelId !== channelId) link.move(channelId);
      return;
    }
    const adapterCreator = this.adapterFor(guildId);
    if (!adapterCreator) {
      this.pending.set(guildId, { channelId, player });
      this.retryLater();
      return;
    }
    this.pending.delete(guildId);
    const report = (event: Parameters<typeof this.listener>[1]) => {
      if (event.type === 'lost' && !event.reconnecting) this.links.delete(guildId);
      this.listener(guildId, event);
    };
    this.links.set(
      guildId,
      new GuildVoiceLink(guildId, channelId, adapterCreator, player, report, this.onError, this.timings),
    );
  }

  disconnect(guildId: string): void {
    this.pending.delete(guildId);
    this.links.get(guildId)?.close();
    this.links.delete(guildId);
  }

  isReady(guildId: string): boolean {
    return this.links.get(guildId)?.ready ?? false;
  }

  /** By @discordjs/voice's status (`ready`, `connecting`, …), plus joins waiting for the gateway. */
  override connectionsByStatus(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const link of this.links.values()) {
      const status = link.connection.state.status;
      counts[status] = (counts[status] ?? 0) + 1;
    }
    if (this.pending.size > 0) counts.waiting_for_gateway = this.pending.size;
    return counts;
  }

  override closeAll(): void {
    clearTimeout(this.retry);
    this.pending.clear();
    for (const guildId of [...this.links.keys()]) this.disconnect(guildId);
  }

  private retryLater(): void {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      for (const [guildId, { channelId, player }] of [...this.pending])
        this.connect(guildId, channelId, player);
    }, PENDING_RETRY_MS);
    this.retry.unref();
  }
}
