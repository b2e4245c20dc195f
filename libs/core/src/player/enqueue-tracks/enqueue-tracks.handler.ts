import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Track } from '#domain';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { TrackResolver } from '#domain';
import { EnqueueTracksCommand, type EnqueueResult } from './enqueue-tracks.command';

@CommandHandler(EnqueueTracksCommand)
export class EnqueueTracksHandler implements ICommandHandler<EnqueueTracksCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly resolver: TrackResolver,
  ) {}

  async execute({ guildId, query, options, context }: EnqueueTracksCommand): Promise<EnqueueResult> {
    const { requestedBy, source, placement = 'end' } = options;
    // Resolved before the stream is read: a slow source (yt-dlp) must not hold the guild's command queue.
    const caller = `${context.actor.kind}:${context.actor.id}`;
    const resolved = await this.resolver.resolve(query, { source, requestedBy, caller });
    const tracks: Track[] = resolved.tracks.map((info) => ({ ...info, trackId: randomUUID(), requestedBy }));
    const result = await decidePlayer(
      this.store,
      { type: 'EnqueueTracks', guildId, tracks, placement },
      context,
    );
    return { ...result, kind: resolved.kind, tracks };
  }
}
