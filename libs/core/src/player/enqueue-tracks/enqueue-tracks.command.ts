import { Command } from '@nestjs/cqrs';
import type { QueuePlacement, Track } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

export interface EnqueueOptions {
  /** Snowflake of the user asking; recorded on every queued track. */
  readonly requestedBy: string;
  /** Where free text is searched (Hexify's `source`); absent: the resolver's default. */
  readonly source?: string;
  readonly placement?: QueuePlacement;
}

/** What was queued: the resolved track or playlist with the ids the queue gave them. */
export interface EnqueueResult extends CommandResult {
  readonly kind: 'track' | 'playlist';
  readonly tracks: readonly Track[];
}

/**
 * Resolves a URL or search text into a track or playlist and queues it. Throws the resolver's
 * `TrackNotFoundError` or `InvalidQueryError` when the query resolves to nothing.
 */
@CountsAsUsage('play', 'music')
export class EnqueueTracksCommand extends Command<EnqueueResult> {
  constructor(
    readonly guildId: string,
    readonly query: string,
    readonly options: EnqueueOptions,
    readonly context: CommandContext,
  ) {
    super();
  }
}
