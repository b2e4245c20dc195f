import {
  joinVoiceChannel,
  VoiceConnectionStatus,
  type AudioPlayer,
  type DiscordGatewayAdapterCreator,
  type NetworkingState,
  type VoiceConnection,
  type VoiceConnectionState,
} from '@discordjs/voice';
import { decideLinkChange, rejoinDelayMs, type VoiceLinkEvent } from './voice-link-policy';

export interface VoiceLinkTimings {
  /** After a 4014, how long a move to another voice server may take before the loss is final. */
  readonly moveGraceMs: number;
  /** How long a reconnect @discordjs/voice runs by itself may take before the link rejoins. */
  readonly reconnectTimeoutMs: number;
  /** No datagram from the voice server for this long, after it has answered once: UDP is silent. */
  readonly udpSilenceMs: number;
}

export const DEFAULT_LINK_TIMINGS: VoiceLinkTimings = {
  moveGraceMs: 5_000,
  reconnectTimeoutMs: 20_000,
  udpSilenceMs: 15_000,
};

const { Ready, Destroyed } = VoiceConnectionStatus;

/**
 * One guild's voice connection and what goes wrong with it. @discordjs/voice resumes and re-identifies
 * by itself where Discord's docs say to; the link notices each outage, reports it, rejoins when the
 * library stops trying, and gives up (reporting that too) when Discord says not to reconnect.
 */
export class GuildVoiceLink {
  readonly connection: VoiceConnection;
  private endpoint: string | null = null;
  private serverMovedAt = 0;
  private closeCode: number | null = null;
  private udpSilent = false;
  private lastDatagramAt = 0;
  private readyAt = 0;
  private watched = new WeakSet<object>();
  private down = false;
  private attempts = 0;
  private closing = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    readonly guildId: string,
    public channelId: string,
    adapterCreator: DiscordGatewayAdapterCreator,
    player: AudioPlayer,
    private readonly report: (event: VoiceLinkEvent) => void,
    private readonly onError: (message: string, error: unknown) => void,
    private readonly timings: VoiceLinkTimings = DEFAULT_LINK_TIMINGS,
  ) {
    // DAVE stays on (the default): Discord requires end-to-end encryption where it offers it.
    this.connection = joinVoiceChannel({
      guildId,
      channelId,
      adapterCreator: this.observed(adapterCreator),
      selfDeaf: true,
    });
    this.connection.on('error', (error) => this.onError(`voice connection of guild ${guildId}`, error));
    this.connection.on('stateChange', (from, to) => this.onStateChange(from, to));
    this.connection.subscribe(player);
    this.watchdog = setInterval(() => this.checkUdp(), 1_000);
    this.watchdog.unref();
  }

  get ready(): boolean {
    return this.connection.state.status === Ready;
  }

  /** Moves the connection to another channel of the guild (the gateway answers with new updates). */
  move(channelId: string): void {
    this.channelId = channelId;
    this.connection.rejoin({ channelId, selfDeaf: true, selfMute: false });
  }

  /** Leaves for good: what follows is not a fault. */
  close(): void {
    this.closing = true;
    clearTimeout(this.timer);
    clearInterval(this.watchdog);
    if (this.connection.state.status !== Destroyed) this.connection.destroy();
  }

  /** The adapter, seeing the gateway's voice updates on their way to the library: moves and new endpoints. */
  private observed(inner: DiscordGatewayAdapterCreator): DiscordGatewayAdapterCreator {
    return (methods) =>
      inner({
        onVoiceServerUpdate: (data) => {
          if (this.endpoint !== null && data.endpoint && data.endpoint !== this.endpoint)
            this.serverMovedAt = Date.now();
          if (data.endpoint) this.endpoint = data.endpoint;
          methods.onVoiceServerUpdate(data);
        },
        onVoiceStateUpdate: (data) => {
          methods.onVoiceStateUpdate(data);
          if (data.channel_id && data.channel_id !== this.channelId && !this.closing) {
            this.channelId = data.channel_id;
            this.report({ type: 'moved', channelId: data.channel_id });
          }
        },
        destroy: () => methods.destroy(),
      });
  }

  private onStateChange(from: VoiceConnectionState, to: VoiceConnectionState): void {
    if ('networking' in to && (!('networking' in from) || from.networking !== to.networking))
      to.networking.on('stateChange', (_old, state) => this.watchNetworking(state));
    if (from.status === to.status) return;
    // The library changes state from inside the voice socket's close event, before the link's own
    // listener has read the close code: decide once every listener of that event has run.
    queueMicrotask(() => this.decide(from, to));
  }

  private decide(from: VoiceConnectionState, to: VoiceConnectionState): void {
    if (this.closing) return;
    const decision = decideLinkChange({
      from: from.status,
      to: to.status,
      disconnectReason: 'reason' in to ? to.reason : undefined,
      closeCode: 'closeCode' in to ? to.closeCode : this.closeCode,
      serverMoved: Date.now() - this.serverMovedAt < this.timings.reconnectTimeoutMs,
      udpSilent: this.udpSilent,
    });
    clearTimeout(this.timer);
    switch (decision.kind) {
      case 'ready':
        this.down = false;
        this.attempts = 0;
        this.udpSilent = false;
        this.closeCode = null;
        // A move is over once connected: a later outage within the window is not the move again.
        this.serverMovedAt = 0;
        this.readyAt = Date.now();
        this.report({ type: 'ready' });
        return;
      case 'await_move':
        this.later(this.timings.moveGraceMs, () => this.giveUp('socket_closed', decision.closeCode));
        return;
      case 'lost':
        if (decision.then === 'give_up') return this.giveUp(decision.cause, decision.closeCode);
        this.lost(decision.cause, decision.closeCode);
        if (decision.then === 'rejoin') this.rejoin();
        else this.later(this.timings.reconnectTimeoutMs, () => this.rejoin());
        return;
      case 'none':
        return;
    }
  }

  private lost(cause: Extract<VoiceLinkEvent, { type: 'lost' }>['cause'], closeCode: number | null): void {
    if (this.down) return;
    this.down = true;
    this.report({ type: 'lost', cause, closeCode, reconnecting: true });
  }

  /** Asks the gateway again, with growing pauses; after the last attempt the loss is final. */
  private rejoin(): void {
    const delay = rejoinDelayMs(++this.attempts);
    if (delay === undefined) return this.giveUp('reconnect_failed', this.closeCode);
    this.later(delay, () => {
      if (this.ready || this.closing) return;
      this.connection.rejoin({ channelId: this.channelId, selfDeaf: true, selfMute: false });
      this.later(this.timings.reconnectTimeoutMs, () => this.rejoin());
    });
  }

  private giveUp(cause: Extract<VoiceLinkEvent, { type: 'lost' }>['cause'], closeCode: number | null): void {
    if (this.closing) return;
    this.close();
    this.report({ type: 'lost', cause, closeCode, reconnecting: false });
  }

  private later(ms: number, run: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(run, ms);
    this.timer.unref();
  }

  private watchNetworking(state: NetworkingState): void {
    const ws = 'ws' in state ? state.ws : undefined;
    if (ws && !this.watched.has(ws)) {
      this.watched.add(ws);
      ws.once('close', (event) => (this.closeCode = event.code));
    }
    const udp = 'udp' in state ? state.udp : undefined;
    if (udp && !this.watched.has(udp)) {
      this.watched.add(udp);
      udp.on('message', () => (this.lastDatagramAt = Date.now()));
    }
  }

  /**
   * A voice server that answers the client's UDP keep-alives has shown the path works; once it has
   * answered since the connection became ready, a silence means the path is dead: rebuild the
   * networking (a fresh voice session on the same endpoint). One that never answers is never judged.
   */
  private checkUdp(): void {
    if (!this.ready || this.lastDatagramAt <= this.readyAt) return;
    if (Date.now() - this.lastDatagramAt < this.timings.udpSilenceMs) return;
    this.readyAt = Date.now();
    this.udpSilent = true;
    this.connection.configureNetworking();
  }
}
