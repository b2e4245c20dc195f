import type { PlayerWorkerReport, TrackEndReason } from '#domain';

/**
 * What the worker tells the player context: audio began, audio ended, and what it observed. Behind a port so the worker
 * does not care which bus carries it; in the app it is the CommandBus (`CommandBusPlayerCommands`).
 */
export abstract class PlayerCommands {
  abstract startTrack(guildId: string, trackId: string, positionMs: number): Promise<void>;
  abstract endTrack(
    guildId: string,
    trackId: string,
    reason: TrackEndReason,
    positionMs: number,
    error?: string,
  ): Promise<void>;
  /** What the worker observed of the voice connection and the audio: faults, moves, checkpoints, idling. */
  abstract report(report: PlayerWorkerReport): Promise<void>;
}
