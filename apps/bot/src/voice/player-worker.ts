import { AudioPlayerStatus } from '@discordjs/voice';
import { playerStreamId, type LivePlayback } from '#domain';
import type { EventStore, RecordedEvent, Subscription } from '#eventstore';
import type { VoiceFaultObserver } from '#metrics';
import type { TrackOpener } from '#music';
import { NO_CHECKPOINT } from '#projections';
import { GuildAudio } from './guild-audio';
import { GuildSession } from './guild-session';
import type { PlayerCommands } from './player-commands';
import type { VoiceConnector } from './voice-connector';
import type { ActiveGuild, WorkerStore } from './worker-store';

export interface PlayerWorkerOptions {
  readonly store: EventStore;
  readonly commands: PlayerCommands;
  readonly connector: VoiceConnector;
  readonly opener: TrackOpener;
  readonly workerStore: WorkerStore;
  /** How often the audio positions are saved for resuming after a crash. */
  readonly positionSaveIntervalMs?: number;
  /** How often a playing track's position is recorded in the log (`PlaybackProgressed`). */
  readonly checkpointIntervalMs?: number;
  /** How long an idle player stays in its voice channel; 0: forever. */
  readonly idleDisconnectMs?: number;
  readonly retryDelayMs?: number;
  readonly onError?: (message: string, error: unknown) => void;
  /** Told of every voice fault a connection reports (metrics). */
  readonly faults?: VoiceFaultObserver;
}

/** What the worker reports in health. */
export interface PlayerWorkerStatus {
  readonly checkpoint: number;
  readonly caughtUp: boolean;
  readonly guilds: number;
  readonly playing: number;
  readonly lastError: string | null;
}

const PREFIX = 'player-';

/**
 * The bot side of the player: a checkpointed subscription to `player-*` streams driving one
 * AudioPlayer per guild. The checkpoint and the set of active guilds commit together per batch; on
 * start the active guilds are folded from their streams first, so a restart picks up every queue.
 */
export class PlayerWorker {
  private readonly sessions = new Map<string, GuildSession>();
  private readonly loading = new Map<string, Promise<GuildSession>>();
  private readonly audios = new Map<string, GuildAudio>();
  private subscription: Subscription | undefined;
  private startupHead = NO_CHECKPOINT;
  private saved = new Map<string, ActiveGuild>();
  private saveTimer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private running = false;
  private lastError: string | null = null;

  constructor(private readonly options: PlayerWorkerOptions) {
    options.connector.listen((guildId, event) => {
      if (event.type === 'lost') options.faults?.voiceFault(event.cause, event.reconnecting);
      this.sessions.get(guildId)?.onVoiceLink(event);
    });
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.startupHead = await this.options.store.headPosition();
    for (const guild of this.options.workerStore.activeGuilds()) this.saved.set(guild.guildId, guild);
    for (const guildId of this.saved.keys()) void (await this.session(guildId)).schedule();
    this.subscribe();
    this.saveTimer = setInterval(() => this.savePositions(), this.options.positionSaveIntervalMs ?? 5_000);
    this.saveTimer.unref();
    this.checkpointTimer = setInterval(() => this.checkpoint(), this.options.checkpointIntervalMs ?? 30_000);
    this.checkpointTimer.unref();
  }

  /** Saves positions and silences every player without ending its track: a restart resumes it. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.saveTimer);
    clearInterval(this.checkpointTimer);
    clearTimeout(this.retryTimer);
    await this.subscription?.stop();
    this.subscription = undefined;
    this.savePositions();
    for (const audio of this.audios.values()) audio.close();
    for (const session of this.sessions.values()) session.close();
    this.options.connector.closeAll();
    this.sessions.clear();
    this.loading.clear();
    this.audios.clear();
  }

  /** The exact playback position of a guild's track, for now-playing; undefined when nothing plays here. */
  positionOf(guildId: string): { trackId: string; positionMs: number } | undefined {
    const audio = this.audios.get(guildId);
    const positionMs = audio?.positionMs();
    return audio?.trackId !== undefined && positionMs !== undefined
      ? { trackId: audio.trackId, positionMs }
      : undefined;
  }

  /**
   * What a listener of the guild hears now, read from the audio: frames sent so far, and whether
   * they are going out (playing, and the voice connection ready). Undefined when nothing plays here.
   */
  live(guildId: string): LivePlayback | undefined {
    const audio = this.audios.get(guildId);
    const positionMs = audio?.positionMs();
    if (!audio || audio.trackId === undefined || positionMs === undefined) return undefined;
    const audible =
      audio.player.state.status === AudioPlayerStatus.Playing && this.options.connector.isReady(guildId);
    return { trackId: audio.trackId, positionMs, audible };
  }

  /** A guild's audio (tests and the benchmark count its frames). */
  audioOf(guildId: string): GuildAudio | undefined {
    return this.audios.get(guildId);
  }

  status(): PlayerWorkerStatus {
    return {
      checkpoint: this.subscription?.lastPosition ?? this.options.workerStore.checkpoint(),
      caughtUp: this.subscription?.caughtUp ?? false,
      guilds: this.sessions.size,
      playing: [...this.audios.values()].filter((a) => a.trackId !== undefined).length,
      lastError: this.lastError,
    };
  }

  private audio(session: GuildSession): GuildAudio {
    return this.audios.get(session.guildId)!;
  }

  private subscribe(): void {
    const checkpoint = this.options.workerStore.checkpoint();
    this.subscription = this.options.store.subscribeToAll(
      { after: checkpoint === NO_CHECKPOINT ? undefined : checkpoint, filter: { streamPrefixes: [PREFIX] } },
      {
        onEvents: (events) => this.onEvents(events),
        onCheckpoint: (position) => this.options.workerStore.commitBatch(position, []),
        onError: (error) => this.onSubscriptionError(error),
      },
    );
  }

  private async onEvents(events: readonly RecordedEvent[]): Promise<void> {
    const touched = new Map<string, GuildSession>();
    for (const event of events) {
      const guildId = event.streamId.slice(PREFIX.length);
      const session = touched.get(guildId) ?? (await this.session(guildId));
      session.apply(event);
      touched.set(guildId, session);
    }
    const last = events[events.length - 1].position;
    const guilds = [...touched.values()].map((s) => ({ guildId: s.guildId, active: s.active }));
    this.options.workerStore.commitBatch(last, guilds);
    this.lastError = null;
    // Not awaited: opening a track (FFprobe, yt-dlp) must not hold up other guilds' events.
    for (const session of touched.values()) void session.schedule();
  }

  /**
   * The guild's session, created on first use by folding its whole stream. Callers share one load,
   * so no event is applied to a session whose stream is still being read.
   */
  private session(guildId: string): Promise<GuildSession> {
    let loading = this.loading.get(guildId);
    if (!loading) {
      loading = this.load(guildId);
      this.loading.set(guildId, loading);
      loading.catch(() => this.loading.delete(guildId));
    }
    return loading;
  }

  private async load(guildId: string): Promise<GuildSession> {
    const events = await this.options.store.readStream(playerStreamId(guildId));
    const holder: { session?: GuildSession } = {};
    const audio = new GuildAudio(
      this.options.opener,
      (ended) => holder.session?.onAudioEnded(ended),
      this.options.connector.noSubscriber,
    );
    const session = new GuildSession(guildId, {
      audio,
      commands: this.options.commands,
      connector: this.options.connector,
      startupHead: this.startupHead,
      saved: this.saved.get(guildId),
      idleDisconnectMs: this.options.idleDisconnectMs ?? 0,
      onError: this.options.onError ?? (() => {}),
    });
    holder.session = session;
    for (const event of events) session.apply(event);
    this.sessions.set(guildId, session);
    this.audios.set(guildId, audio);
    this.options.connector.playerCreated(guildId, audio.player);
    return session;
  }

  /** Records where each audibly playing track is, so readers elsewhere see the audio, not a clock. */
  private checkpoint(): void {
    for (const session of this.sessions.values())
      if (this.live(session.guildId)?.audible) session.checkpoint();
  }

  private savePositions(): void {
    const positions = [...this.sessions.values()].flatMap((session) => {
      const audio = this.audio(session);
      const positionMs = audio.positionMs();
      return audio.trackId !== undefined && audio.epoch !== undefined && positionMs !== undefined
        ? [{ guildId: session.guildId, trackId: audio.trackId, epoch: audio.epoch, positionMs }]
        : [];
    });
    try {
      this.options.workerStore.savePositions(positions);
    } catch (error) {
      this.options.onError?.('player worker: saving positions', error);
    }
  }

  private onSubscriptionError(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    this.subscription = undefined;
    if (!this.running) return;
    this.options.onError?.('player worker: subscription stopped; resubscribing from the checkpoint', error);
    this.retryTimer = setTimeout(() => this.running && this.subscribe(), this.options.retryDelayMs ?? 1_000);
    this.retryTimer.unref();
  }
}
