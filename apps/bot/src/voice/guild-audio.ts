import {
  AudioPlayerStatus,
  createAudioPlayer,
  type AudioPlayer,
  type NoSubscriberBehavior,
} from '@discordjs/voice';
import type { OpenedTrack, PlayableTrack, TrackOpener } from '#music';

/** How a play ended on its own. */
export interface AudioEnded {
  readonly trackId: string;
  readonly reason: 'finished' | 'failed';
  readonly positionMs: number;
  readonly error?: string;
}

interface Play {
  readonly trackId: string;
  /** Which start or seek this play carries out: the global position of its event. */
  readonly epoch: number;
  readonly track: PlayableTrack;
  opened: OpenedTrack;
  /** Track position at which `opened` began. */
  baseMs: number;
  volume: number;
  paused: boolean;
}

const SETTLE_TIMEOUT_MS = 2_000;

/**
 * One guild's AudioPlayer and the track it plays. Knows the exact position (packets actually
 * played), restarts FFmpeg at that position when the volume changes, and reports a play that ends
 * by itself, finished or failed; a play stopped through `stop()` is never reported.
 */
export class GuildAudio {
  readonly player: AudioPlayer;
  private play_: Play | undefined;
  /** Bumped by every play and stop, so an open that finishes late knows it was superseded. */
  private generation = 0;
  private closed = false;

  constructor(
    private readonly opener: TrackOpener,
    private readonly onEnded: (ended: AudioEnded) => void,
    noSubscriber: NoSubscriberBehavior,
  ) {
    this.player = createAudioPlayer({ behaviors: { noSubscriber, maxMissedFrames: 250 } });
    this.player.on('error', () => {
      // Reported through the resource's failure(); the state change to Idle follows.
    });
    this.player.on('stateChange', (from, to) => {
      const play = this.play_;
      // A paused play whose resource was swapped (volume change) can only pause once it is playing.
      if (to.status === AudioPlayerStatus.Playing && play?.paused) this.player.pause(true);
      if (to.status !== AudioPlayerStatus.Idle || !play || !('resource' in from)) return;
      if (from.resource === play.opened.resource) void this.ended(play);
    });
  }

  get trackId(): string | undefined {
    return this.play_?.trackId;
  }

  get epoch(): number | undefined {
    return this.play_?.epoch;
  }

  get volume(): number | undefined {
    return this.play_?.volume;
  }

  get mode(): OpenedTrack['mode'] | undefined {
    return this.play_?.opened.mode;
  }

  /** Where in the current track the listener is, in ms; undefined when nothing plays. */
  positionMs(): number | undefined {
    const play = this.play_;
    return play && play.baseMs + play.opened.resource.playbackDuration;
  }

  /** Opus packets of the current play so far (the benchmark's and tests' frame counter). */
  framesPlayed(): number {
    return (this.play_?.opened.resource.playbackDuration ?? 0) / 20;
  }

  async play(
    trackId: string,
    epoch: number,
    track: PlayableTrack,
    positionMs: number,
    volume: number,
  ): Promise<void> {
    if (this.closed) return;
    this.stop();
    const generation = ++this.generation;
    let opened: OpenedTrack;
    try {
      opened = await this.opener.open(track, { positionMs, volume });
    } catch (error) {
      if (generation === this.generation)
        this.onEnded({ trackId, reason: 'failed', positionMs, error: describe(error) });
      return;
    }
    if (generation !== this.generation) return opened.close();
    this.play_ = { trackId, epoch, track, opened, baseMs: positionMs, volume, paused: false };
    this.player.play(opened.resource);
  }

  pause(): void {
    const play = this.play_;
    if (!play || play.paused) return;
    play.paused = true;
    this.player.pause(true);
  }

  resume(): void {
    const play = this.play_;
    if (!play?.paused) return;
    play.paused = false;
    this.player.unpause();
  }

  /**
   * Volume is applied by FFmpeg, so a change restarts FFmpeg at the current position (or moves an
   * Opus passthrough to FFmpeg and back to passthrough at 100 from a remux): a gap of one FFmpeg start.
   */
  async setVolume(volume: number): Promise<void> {
    const play = this.play_;
    if (!play || play.volume === volume) return;
    const positionMs = this.positionMs() ?? 0;
    const generation = ++this.generation;
    play.volume = volume;
    const opened = await this.opener.open(play.track, { positionMs, volume }).catch(() => undefined);
    if (generation !== this.generation || this.play_ !== play) return opened?.close();
    if (!opened) return; // keep playing at the old volume rather than cut the track
    const old = play.opened;
    play.opened = opened;
    play.baseMs = positionMs;
    this.player.play(opened.resource);
    if (play.paused) this.player.pause(true);
    old.close();
  }

  /** Stops for good: later plays are ignored (a reconcile still in flight when the worker stops). */
  close(): void {
    this.closed = true;
    this.stop();
  }

  /** Stops the current play without reporting it (the domain already ended it, or we shut down). */
  stop(): void {
    const play = this.play_;
    this.generation++;
    this.play_ = undefined;
    if (!play) return;
    play.opened.close();
    this.player.stop(true);
  }

  private async ended(play: Play): Promise<void> {
    // FFmpeg's exit may trail the end of its output by a moment; wait so a failure is not read as an end.
    await Promise.race([play.opened.settled(), new Promise((r) => setTimeout(r, SETTLE_TIMEOUT_MS).unref())]);
    if (this.play_ !== play) return;
    this.play_ = undefined;
    const positionMs = play.baseMs + play.opened.resource.playbackDuration;
    const failure =
      play.opened.failure() ?? (play.opened.resource.playbackDuration === 0 ? 'no audio' : undefined);
    play.opened.close();
    this.onEnded(
      failure
        ? { trackId: play.trackId, reason: 'failed', positionMs, error: failure }
        : { trackId: play.trackId, reason: 'finished', positionMs },
    );
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
