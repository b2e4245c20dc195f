import { Injectable } from '@nestjs/common';
import {
  EndTrackCommand,
  RecordWorkerReportCommand,
  StartTrackCommand,
  systemContext,
  UsageRecordingCommandBus,
} from '#core';
import type { PlayerWorkerReport, TrackEndReason } from '#domain';
import { PlayerCommands } from './player-commands';

/**
 * The worker's reports as commands on the doors' bus, from the system actor through the `system`
 * door: the system's own commands are not usage, so nothing is recorded for them.
 */
@Injectable()
export class CommandBusPlayerCommands extends PlayerCommands {
  constructor(private readonly bus: UsageRecordingCommandBus) {
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

  async report(report: PlayerWorkerReport): Promise<void> {
    await this.bus.execute(new RecordWorkerReportCommand(report, systemContext('system', 'player-worker')));
  }
}
