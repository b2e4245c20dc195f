import { join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { Client } from 'discord.js';
import { PlaybackMonitor, UsageModule } from '#core';
import { EventStore } from '#eventstore';
import { GuildhallMetrics } from '#metrics';
import { TrackOpener } from '#music';
import { CommandBusPlayerCommands } from './command-bus-player-commands';
import { PlayerCommands } from './player-commands';
import { PlayerWorker } from './player-worker';
import { DiscordVoiceConnector } from './discord-voice-connector';
import { DEFAULT_LINK_TIMINGS } from './guild-voice-link';
import { DetachedVoiceConnector, VoiceConnector } from './voice-connector';
import { WorkerStore } from './worker-store';

/** Injection token: whether this process plays audio (`PLAYER_WORKER`, see libs/config). */
export const PLAYER_WORKER_ENABLED = Symbol('PLAYER_WORKER_ENABLED');

/** Starts the worker after the app is up and stops it (positions saved, tracks not ended) on shutdown. */
@Injectable()
export class PlayerWorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PlayerWorker');

  constructor(
    readonly worker: PlayerWorker,
    private readonly workerStore: WorkerStore,
    private readonly monitor: PlaybackMonitor,
    @Inject(PLAYER_WORKER_ENABLED) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.worker.start();
    this.monitor.attach(this.worker);
    this.logger.log('Player worker started');
  }

  async onApplicationShutdown(): Promise<void> {
    this.monitor.detach(this.worker);
    await this.worker.stop();
    this.workerStore.close();
  }
}

/** Voice connections through the discord.js client Necord runs in this process. */
const discordConnector: Provider<VoiceConnector> = {
  provide: VoiceConnector,
  inject: [Client, GUILDHALL_CONFIG],
  useFactory: (client: Client, config: GuildhallConfig) => {
    const logger = new Logger('Voice');
    return new DiscordVoiceConnector(
      (guildId) => client.guilds.cache.get(guildId)?.voiceAdapterCreator,
      (message, error) => logger.warn(error === undefined ? message : `${message}: ${String(error)}`),
      { ...DEFAULT_LINK_TIMINGS, udpSilenceMs: config.playerUdpSilenceSeconds * 1_000 },
    );
  },
};

export interface PlayerWorkerModuleOptions {
  /** A VoiceConnector of one's own (tests); otherwise Discord's when `discord`, else detached. */
  readonly connector?: Provider<VoiceConnector>;
  /** The Discord gateway (Necord's discord.js Client) runs in this process: play into real voice channels. */
  readonly discord?: boolean;
  readonly enabled?: boolean;
}

/**
 * The voice player worker. Needs the EventStore, the CqrsModule with the player handlers, and
 * MusicModule (for the TrackOpener). With `discord` it joins voice channels through the gateway's
 * client; without it the players run detached (into nothing, at Discord's pace).
 */
@Module({})
export class PlayerWorkerModule {
  static forRoot(options: PlayerWorkerModuleOptions = {}): DynamicModule {
    const connector =
      options.connector ??
      (options.discord
        ? discordConnector
        : { provide: VoiceConnector, useValue: new DetachedVoiceConnector() });
    return {
      module: PlayerWorkerModule,
      imports: [UsageModule],
      providers: [
        connector,
        {
          provide: PLAYER_WORKER_ENABLED,
          inject: [GUILDHALL_CONFIG],
          useFactory: (config: GuildhallConfig) => options.enabled ?? config.playerWorker,
        },
        { provide: PlayerCommands, useClass: CommandBusPlayerCommands },
        {
          provide: WorkerStore,
          inject: [GUILDHALL_CONFIG],
          useFactory: (config: GuildhallConfig) =>
            WorkerStore.open(join(config.dataDir, 'player-worker.sqlite')),
        },
        {
          provide: PlayerWorker,
          inject: [
            EventStore,
            PlayerCommands,
            VoiceConnector,
            TrackOpener,
            WorkerStore,
            GUILDHALL_CONFIG,
            // Test harnesses compose the worker without a registry.
            { token: GuildhallMetrics, optional: true },
          ],
          useFactory: (
            store: EventStore,
            commands: PlayerCommands,
            connector: VoiceConnector,
            opener: TrackOpener,
            workerStore: WorkerStore,
            config: GuildhallConfig,
            metrics: GuildhallMetrics | undefined,
          ) => {
            const logger = new Logger('PlayerWorker');
            metrics?.watchVoiceConnections(() => connector.connectionsByStatus());
            return new PlayerWorker({
              store,
              commands,
              connector,
              opener,
              workerStore,
              checkpointIntervalMs: config.playerCheckpointSeconds * 1_000,
              idleDisconnectMs: config.playerIdleDisconnectSeconds * 1_000,
              faults: metrics,
              onError: (message, error) =>
                logger.warn(error === undefined ? message : `${message}: ${String(error)}`),
            });
          },
        },
        PlayerWorkerLifecycle,
      ],
      exports: [PlayerWorker],
    };
  }
}
