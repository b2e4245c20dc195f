import { Query } from '@nestjs/cqrs';
import type { PlaybackReading, Track } from '#domain';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** The current track with its live position. */
export interface NowPlayingView {
  readonly guildId: string;
  readonly track: Track;
  /** Where the audio is, in ms: the worker's frames when it plays here, else the log's last measure. */
  readonly positionMs: number;
  readonly paused: boolean;
  readonly volume: number;
  readonly voiceChannelId: string | null;
  readonly playback: PlaybackReading;
}

/** What plays now in a guild; null when nothing does (Elixir answers 410). */
export class GetNowPlayingQuery extends Query<NowPlayingView | null> {
  constructor(
    readonly guildId: string,
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
