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
import { UsageModule } from '#core';
import { EventStore } from '#eventstore';
import { TrackOpener } from '#music';
import { CommandBusPlayerCommands } from './command-bus-player-commands';
import { PlayerCommands } from './player-commands';
import { PlayerWorker } from './player-worker';
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
    @Inject(PLAYER_WORKER_ENABLED) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.worker.start();
    this.logger.log('Player worker started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    this.workerStore.close();
  }
}

/**
 * The voice player worker. Needs the EventStore, the CqrsModule with the player handlers, and
 * MusicModule (for the TrackOpener). `forRoot({ connector })` supplies a Discord VoiceConnector;
 * without one the players run detached.
 */
@Module({})
export class PlayerWorkerModule {
  static forRoot(options: { connector?: Provider<VoiceConnector>; enabled?: boolean } = {}): DynamicModule {
    return {
      module: PlayerWorkerModule,
      imports: [UsageModule],
      providers: [
        options.connector ?? { provide: VoiceConnector, useValue: new DetachedVoiceConnector() },
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
          inject: [EventStore, PlayerCommands, VoiceConnector, TrackOpener, WorkerStore],
          useFactory: (
            store: EventStore,
            commands: PlayerCommands,
            connector: VoiceConnector,
            opener: TrackOpener,
            workerStore: WorkerStore,
          ) => {
            const logger = new Logger('PlayerWorker');
            return new PlayerWorker({
              store,
              commands,
              connector,
              opener,
              workerStore,
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
