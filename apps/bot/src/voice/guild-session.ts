import {
  evolvePlayer,
  initialPlayerState,
  nextTrack,
  type PlayerEvent,
  type PlayerState,
  type PlayerWorkerReport,
} from '#domain';
import type { RecordedEvent } from '#eventstore';
import type { AudioEnded, GuildAudio } from './guild-audio';
import type { PlayerCommands } from './player-commands';
import type { VoiceConnector } from './voice-connector';
import type { VoiceLinkEvent } from './voice-link-policy';
import type { ActiveGuild } from './worker-store';

export interface SessionDeps {
  readonly audio: GuildAudio;
  readonly commands: PlayerCommands;
  readonly connector: VoiceConnector;
  /** `$all` head when the worker started: plays begun at or before it are recovered, not replayed. */
  readonly startupHead: number;
  readonly saved: ActiveGuild | undefined;
  /** How long an idle player stays in its channel; 0: forever. */
  readonly idleDisconnectMs: number;
  readonly onError: (message: string, error: unknown) => void;
}

/**
 * One guild as the worker sees it: the player state folded from `player-{guildId}`, and the audio
 * made to follow it. The log says what should play; `reconcile` makes the AudioPlayer agree and
 * reports back (StartTrack when it begins the next track, EndTrack when audio ends by itself).
 */
export class GuildSession {
  state: PlayerState = initialPlayerState();
  revision = -1;
  /** Global position of the TrackStarted or TrackSeeked the current play follows. */
  epoch = -1;
  private chain: Promise<void> = Promise.resolve();
  private pendingStart: string | undefined;
  private recovered: string | undefined;
  private channelId: string | null = null;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly guildId: string,
    private readonly deps: SessionDeps,
  ) {}

  /** Folds one event; events at or below the folded revision (already read) are skipped. */
  apply(event: RecordedEvent): void {
    if (event.revision <= this.revision) return;
    this.state = evolvePlayer(this.state, event as unknown as PlayerEvent);
    this.revision = event.revision;
    if (event.type === 'TrackStarted' || event.type === 'TrackSeeked') this.epoch = event.position;
  }

  /** Whether a restart must look after this guild. */
  get active(): boolean {
    const s = this.state;
    return s.current !== null || s.queue.length > 0 || s.voiceChannelId !== null;
  }

  /** Queues a reconcile after any still running: the audio follows the state one step at a time. */
  schedule(): Promise<void> {
    this.chain = this.chain
      .then(() => this.reconcile())
      .catch((error: unknown) => this.deps.onError(`player worker: guild ${this.guildId}`, error));
    return this.chain;
  }

  onAudioEnded(ended: AudioEnded): void {
    if (this.state.current?.track.trackId !== ended.trackId) return;
    const { trackId, reason, positionMs, error } = ended;
    if (error)
      this.deps.onError(
        `player worker: track ${trackId} of guild ${this.guildId} failed: ${error}`,
        undefined,
      );
    this.chain = this.chain
      .then(() => this.deps.commands.endTrack(this.guildId, trackId, reason, Math.round(positionMs), error))
      .catch((e: unknown) => this.deps.onError(`player worker: EndTrack for guild ${this.guildId}`, e));
  }

  /** Records what the voice connection went through, with where the audio was when it happened. */
  onVoiceLink(event: VoiceLinkEvent): void {
    const { guildId } = this;
    if (event.type === 'moved') this.channelId = event.channelId;
    const audio = this.deps.audio;
    const positionMs = audio.positionMs();
    const at =
      positionMs !== undefined && audio.trackId === this.state.current?.track.trackId
        ? { positionMs: Math.round(positionMs) }
        : {};
    const report: PlayerWorkerReport =
      event.type === 'moved'
        ? { type: 'ReportVoiceMoved', guildId, channelId: event.channelId }
        : event.type === 'ready'
          ? { type: 'ReportVoiceReconnected', guildId, ...at }
          : {
              type: 'ReportVoiceLost',
              guildId,
              cause: event.cause,
              closeCode: event.closeCode,
              reconnecting: event.reconnecting,
              ...at,
            };
    this.report(report);
  }

  /** Checkpoints the audio's position when it is audibly playing the current track. */
  checkpoint(): void {
    const { audio } = this.deps;
    const positionMs = audio.positionMs();
    const trackId = this.state.current?.track.trackId;
    if (positionMs === undefined || trackId === undefined || audio.trackId !== trackId) return;
    this.report({
      type: 'CheckpointPlayback',
      guildId: this.guildId,
      trackId,
      positionMs: Math.round(positionMs),
    });
  }

  close(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private report(report: PlayerWorkerReport): void {
    this.chain = this.chain
      .then(() => this.deps.commands.report(report))
      .catch((e: unknown) => this.deps.onError(`player worker: ${report.type} for guild ${this.guildId}`, e));
  }

  /** An idle player in a channel leaves after the idle time; anything played or queued meanwhile resets it. */
  private armIdleTimer(): void {
    const s = this.state;
    const idle = s.voiceChannelId !== null && s.current === null && s.queue.length === 0;
    const ms = this.deps.idleDisconnectMs;
    if (!idle || ms <= 0) return this.close();
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      this.report({ type: 'DisconnectIdle', guildId: this.guildId, idleSeconds: Math.round(ms / 1000) });
    }, ms);
    this.idleTimer.unref();
  }

  private async reconcile(): Promise<void> {
    const { audio, commands, connector } = this.deps;
    const state = this.state;
    this.followChannel(state.voiceChannelId);
    this.armIdleTimer();
    const current = state.current;
    if (current === null) {
      if (audio.trackId !== undefined) audio.stop();
      const next = nextTrack(state);
      if (!next || this.pendingStart === next.trackId) return;
      if (connector.needsChannel && state.voiceChannelId === null) return;
      this.pendingStart = next.trackId;
      await commands.startTrack(this.guildId, next.trackId, 0).catch((error: unknown) => {
        this.pendingStart = undefined;
        throw error;
      });
      return;
    }
    this.pendingStart = undefined;
    const { trackId } = current.track;
    if (audio.trackId === trackId && audio.epoch === this.epoch) {
      if (current.paused) audio.pause();
      else audio.resume();
      await audio.setVolume(state.volume);
      return;
    }
    if (current.paused) return audio.stop(); // opened again, at the paused position, on resume
    if (this.epoch <= this.deps.startupHead) return this.recover();
    await audio.play(trackId, this.epoch, current.track, current.offsetMs, state.volume);
  }

  /**
   * The track was playing when the worker stopped. It resumes where the audio was last seen (saved
   * every few seconds, and on shutdown), falling back to where the log last placed it; the fresh
   * TrackStarted it dispatches records the resume point, and that event starts the audio.
   */
  private async recover(): Promise<void> {
    const current = this.state.current!;
    const key = `${current.track.trackId}@${this.epoch}`;
    if (this.recovered === key) return;
    this.recovered = key;
    const saved = this.deps.saved;
    const positionMs =
      saved?.trackId === current.track.trackId && saved.epoch === this.epoch && saved.positionMs !== null
        ? saved.positionMs
        : current.offsetMs;
    const lengthMs = current.track.durationSec * 1000;
    if (!current.track.isStream && lengthMs > 0 && positionMs >= lengthMs - 500) {
      await this.deps.commands.endTrack(this.guildId, current.track.trackId, 'finished', lengthMs);
      return;
    }
    await this.deps.commands.startTrack(
      this.guildId,
      current.track.trackId,
      current.track.isStream ? 0 : positionMs,
    );
  }

  private followChannel(channelId: string | null): void {
    if (channelId === this.channelId) return;
    this.channelId = channelId;
    if (channelId === null) this.deps.connector.disconnect(this.guildId);
    else this.deps.connector.connect(this.guildId, channelId, this.deps.audio.player);
  }
}
