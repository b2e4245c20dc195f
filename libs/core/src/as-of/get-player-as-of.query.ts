import { Query } from '@nestjs/cqrs';
import type { AsOf } from '#projections';
import type { PlayerReading } from '../player/get-player/get-player.query';

/**
 * A guild's player as it was at a moment, folded from its stream, with playback read as the log told
 * it then; null when the player stream had no event yet.
 */
export class GetPlayerAsOfQuery extends Query<PlayerReading | null> {
  constructor(
    readonly guildId: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}
