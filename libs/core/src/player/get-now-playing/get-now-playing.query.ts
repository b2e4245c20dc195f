import { Query } from '@nestjs/cqrs';
import type { Track } from '#domain';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** The current track with its live position. */
export interface NowPlayingView {
  readonly guildId: string;
  readonly track: Track;
  /** Live position in ms: the start offset plus the time since it (re)started, or where it is paused. */
  readonly positionMs: number;
  readonly paused: boolean;
  readonly volume: number;
  readonly voiceChannelId: string | null;
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
