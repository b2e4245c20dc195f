import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EndTrackCommand, StartTrackCommand, systemContext } from '#core';
import type { TrackEndReason } from '#domain';
import { PlayerCommands } from './player-commands';

/** The worker's reports as commands on the CommandBus, from the system actor through the `system` door. */
@Injectable()
export class CommandBusPlayerCommands extends PlayerCommands {
  constructor(private readonly bus: CommandBus) {
    super();
  }

  async startTrack(guildId: string, trackId: string, positionMs: number): Promise<void> {
    await this.bus.execute(
      new StartTrackCommand(guildId, trackId, positionMs, systemContext('system', 'player-worker')),
    );
  }

  async endTrack(
    guildId: string,
    trackId: string,
    reason: TrackEndReason,
    positionMs: number,
    error?: string,
  ): Promise<void> {
    await this.bus.execute(
      new EndTrackCommand(
        guildId,
        trackId,
        reason,
        positionMs,
        systemContext('system', 'player-worker'),
        error,
      ),
    );
  }
}
