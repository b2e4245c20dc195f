import type { PlayerWorkerReport, TrackEndReason } from '#domain';
import { systemContext } from '#core';
import { decidePlayer } from '#core/player/decide-player';
import type { EventStore } from '#eventstore';
import { PlayerCommands } from '../player-commands';

/** StartTrack/EndTrack decided and appended directly, as their command handlers do, without Nest. */
export class DecidingPlayerCommands extends PlayerCommands {
  constructor(private readonly store: EventStore) {
    super();
  }

  async startTrack(guildId: string, trackId: string, positionMs: number): Promise<void> {
    await decidePlayer(
      this.store,
      { type: 'StartTrack', guildId, trackId, positionMs },
      systemContext('system', 'player-worker'),
    );
  }

  async endTrack(
    guildId: string,
    trackId: string,
    reason: TrackEndReason,
    positionMs: number,
    error?: string,
  ): Promise<void> {
    await decidePlayer(
      this.store,
      { type: 'EndTrack', guildId, trackId, reason, positionMs, ...(error ? { error } : {}) },
      systemContext('system', 'player-worker'),
    );
  }

  async report(report: PlayerWorkerReport): Promise<void> {
    await decidePlayer(this.store, report, systemContext('system', 'player-worker'));
  }
}
