import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { readPlayback, type LivePlayback, type PlaybackReading, type PlayerState } from '#domain';

/** Whatever plays audio in this process (the player worker) and can say where each guild's audio is. */
export interface LivePlaybackSource {
  live(guildId: string): LivePlayback | undefined;
}

/**
 * Where readers get what is heard: the player worker attaches itself when it runs in this process;
 * without it, the log's last measured position is read, and trusted only while fresh.
 */
@Injectable()
export class PlaybackMonitor {
  private source: LivePlaybackSource | undefined;

  constructor(@Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig) {}

  attach(source: LivePlaybackSource): void {
    this.source = source;
  }

  detach(source: LivePlaybackSource): void {
    if (this.source === source) this.source = undefined;
  }

  /** Whether a player worker plays in this process. */
  get workerHere(): boolean {
    return this.source !== undefined;
  }

  /** A measure older than two checkpoints (and 5 s of slack) means no worker is reporting. */
  get staleAfterMs(): number {
    return this.config.playerCheckpointSeconds * 2_000 + 5_000;
  }

  read(guildId: string, player: Pick<PlayerState, 'current'> | null, nowMs = Date.now()): PlaybackReading {
    return readPlayback(player ?? { current: null }, this.source?.live(guildId), nowMs, this.staleAfterMs);
  }
}

/** Global, so the worker (in the Discord door) and the query handlers share one monitor. */
@Global()
@Module({ providers: [PlaybackMonitor], exports: [PlaybackMonitor] })
export class PlaybackMonitorModule {}
