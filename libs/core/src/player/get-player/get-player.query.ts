import { Query } from '@nestjs/cqrs';
import type { PlaybackReading } from '#domain';
import type { PlayerView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** A guild's player from the read model, with what is heard now (see `readPlayback`). */
export interface PlayerReading extends PlayerView {
  readonly playback: PlaybackReading;
}

/** A guild's player (voice channel, current track, queue, modes) from the read model; null before any event. */
export class GetPlayerQuery extends Query<PlayerReading | null> {
  constructor(
    readonly guildId: string,
    /** Wait until the read model has applied this global position (read-your-writes). */
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
