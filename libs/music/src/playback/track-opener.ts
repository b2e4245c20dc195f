import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { createAudioResource, StreamType, type AudioResource } from '@discordjs/voice';
import { OutboundGuard } from '#outbound';
import { ffmpegArgs } from './ffmpeg-args';
import { opusContainer, StreamInputs, type InputTools, type PlayableTrack } from './stream-input';

/**
 * How a track reaches the player: `passthrough` demuxes Opus packets in-process (no FFmpeg),
 * `remux` has FFmpeg copy Opus packets into Ogg (remote input or a start position), `transcode`
 * has FFmpeg decode, apply the volume and encode Opus.
 */
export type PlaybackMode = 'passthrough' | 'remux' | 'transcode';

/** An audio resource ready for an AudioPlayer, and the means to stop what feeds it. */
export interface OpenedTrack {
  readonly resource: AudioResource<null>;
  readonly mode: PlaybackMode;
  /** Why the input failed, once it has (FFmpeg's last error line, a read error); undefined otherwise. */
  failure(): string | undefined;
  /** Resolves once the feeder is done (FFmpeg exited, the file closed), so `failure()` is final. */
  settled(): Promise<void>;
  /** Stops reading: kills FFmpeg, closes the file. Safe to call twice. */
  close(): void;
}

export interface TrackOpenerOptions extends Omit<InputTools, 'guard'> {
  readonly ffmpegPath: string;
  /** Remote audio is fetched through it at every play (default: a guard with no exemptions). */
  readonly guard?: OutboundGuard;
}

/**
 * Opens tracks for playback. Opus sources (Ogg or WebM Opus) at volume 100 are never re-encoded;
 * everything else goes through FFmpeg to Ogg Opus, which prism's demuxer unwraps, so no Opus
 * encoder runs in JS and the event loop only moves packets.
 */
export class TrackOpener {
  private readonly inputs: StreamInputs;

  constructor(private readonly options: TrackOpenerOptions) {
    this.inputs = new StreamInputs({ ...options, guard: options.guard ?? new OutboundGuard() });
  }

  async open(track: PlayableTrack, at: { positionMs: number; volume: number }): Promise<OpenedTrack> {
    const input = await this.inputs.find(track);
    const opus = opusContainer(input);
    const positionMs = track.isStream ? 0 : Math.max(0, Math.round(at.positionMs));
    if (opus && at.volume === 100 && input.kind === 'file' && positionMs === 0) {
      const file = createReadStream(input.path);
      let failure: string | undefined;
      file.once('error', (error) => (failure = error.message));
      const settled = new Promise<void>((resolve) => file.once('close', () => resolve()));
      const type = opus === 'ogg' ? StreamType.OggOpus : StreamType.WebmOpus;
      return {
        resource: createAudioResource(file, { inputType: type }),
        mode: 'passthrough',
        failure: () => failure,
        settled: () => settled,
        close: () => file.destroy(),
      };
    }
    const copy = opus !== undefined && at.volume === 100;
    const feed = input.kind === 'remote' ? input.body : undefined;
    const child = spawn(
      this.options.ffmpegPath,
      ffmpegArgs({
        input: input.kind === 'remote' ? 'stdin' : { file: input.path },
        positionMs,
        volume: at.volume,
        copy,
      }),
      { stdio: [feed ? 'pipe' : 'ignore', 'pipe', 'pipe'] },
    ) as ChildProcessByStdio<Writable | null, Readable, Readable>;
    return this.fromFfmpeg(child, copy ? 'remux' : 'transcode', feed);
  }

  private fromFfmpeg(
    child: ChildProcessByStdio<Writable | null, Readable, Readable>,
    mode: PlaybackMode,
    feed: Readable | undefined,
  ): OpenedTrack {
    let failure: string | undefined;
    let closed = false;
    let lastError = '';
    if (feed && child.stdin) {
      // A fetch that fails midway (size cap, silence) ends FFmpeg's input early: that is a failure, not an end.
      feed.once('error', (error) => {
        if (!closed) failure ??= error.message;
        child.stdin?.end();
      });
      child.stdin.on('error', () => {
        // FFmpeg exited (or was closed) before reading everything: its exit tells why.
      });
      feed.pipe(child.stdin);
      child.once('exit', () => feed.destroy());
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      const lines = text.trim().split('\n');
      lastError = lines[lines.length - 1] || lastError;
    });
    const settled = new Promise<void>((resolve) => {
      child.once('error', (error) => {
        failure = `ffmpeg: ${error.message}`;
        resolve();
      });
      child.once('exit', (code, signal) => {
        if (!closed && (code !== 0 || signal)) failure ??= `ffmpeg: ${lastError || `exit ${code ?? signal}`}`;
        resolve();
      });
    });
    return {
      resource: createAudioResource(child.stdout, { inputType: StreamType.OggOpus }),
      mode,
      failure: () => failure,
      settled: () => settled,
      close: () => {
        if (closed) return;
        closed = true;
        child.stdout.destroy();
        feed?.destroy();
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    };
  }
}
