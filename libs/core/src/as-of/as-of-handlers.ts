import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { guildStreamId, playerStreamId, readPlayback, upcoming } from '#domain';
import { EventStore } from '#eventstore';
import {
  AsOfSnapshotStore,
  foldAsOf,
  guildAsOfFold,
  guildViewOfDraft,
  playerAsOfFold,
  type AsOf,
} from '#projections';
import { PlaybackMonitor } from '../player/playback/playback-monitor';
import type { PlayerReading } from '../player/get-player/get-player.query';
import { GetGuildAsOfQuery } from './get-guild-as-of.query';
import { GetPlayerAsOfQuery } from './get-player-as-of.query';

@QueryHandler(GetGuildAsOfQuery)
export class GetGuildAsOfHandler implements IQueryHandler<GetGuildAsOfQuery> {
  constructor(
    private readonly store: EventStore,
    private readonly snapshots: AsOfSnapshotStore,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, asOf }: GetGuildAsOfQuery) {
    const options = { snapshotEvery: this.config.asOfSnapshotEvery };
    const folded = await foldAsOf(
      this.store,
      this.snapshots,
      guildAsOfFold,
      guildStreamId(guildId),
      asOf,
      options,
    );
    return folded.state && guildViewOfDraft(folded.state);
  }
}

/** The moment's clock: the time asked for, or for a position the time of the last event folded. */
const momentMs = (asOf: AsOf, lastOccurredAtMs: number | null): number =>
  'time' in asOf ? Math.min(asOf.time, Date.now()) : (lastOccurredAtMs ?? Date.now());

@QueryHandler(GetPlayerAsOfQuery)
export class GetPlayerAsOfHandler implements IQueryHandler<GetPlayerAsOfQuery> {
  constructor(
    private readonly store: EventStore,
    private readonly snapshots: AsOfSnapshotStore,
    private readonly playback: PlaybackMonitor,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, asOf }: GetPlayerAsOfQuery): Promise<PlayerReading | null> {
    const options = { snapshotEvery: this.config.asOfSnapshotEvery };
    const folded = await foldAsOf(
      this.store,
      this.snapshots,
      playerAsOfFold,
      playerStreamId(guildId),
      asOf,
      options,
    );
    if (folded.revision === -1) return null;
    const { updatedAt, ...state } = folded.state;
    // No worker reading for the past: the log's own account, judged at the moment asked for.
    const now = momentMs(asOf, folded.occurredAtMs);
    return {
      ...state,
      guildId,
      upcoming: upcoming(state),
      revision: folded.revision,
      updatedAt: updatedAt ?? '',
      playback: readPlayback(state, undefined, now, this.playback.staleAfterMs),
    };
  }
}
