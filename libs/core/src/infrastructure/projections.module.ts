import {
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { EventStore } from '#eventstore';
import {
  ApiKeysReadModel,
  BotsReadModel,
  DevelopersReadModel,
  GuildBotsReadModel,
  GuildsReadModel,
  ModerationLogReadModel,
  PlayerReadModel,
  ProjectionHost,
  UsersReadModel,
  usersProjection,
  apiKeysProjection,
  botsProjection,
  developersProjection,
  guildBotsProjection,
  guildsProjection,
  playerProjection,
  moderationLogProjection,
  TimelineReadModel,
  timelineProjection,
  type ProjectionStatus,
} from '#projections';
import { ReadModelFreshness } from '../command-handling/read-model-freshness';

export type { ProjectionStatus };

/**
 * The process's read models and the projections that feed them. Projections run only where
 * RUN_PROJECTIONS is on (the server); the CLI opens the same read models to query or rebuild them.
 */
@Injectable()
export class Projections extends ReadModelFreshness implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly host: ProjectionHost;

  constructor(
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
    store: EventStore,
  ) {
    super();
    this.host = new ProjectionHost({
      dataDir: config.dataDir,
      store,
      projections: [
        guildsProjection,
        guildBotsProjection,
        usersProjection,
        apiKeysProjection,
        botsProjection,
        developersProjection,
        playerProjection,
        moderationLogProjection,
        timelineProjection,
      ],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runProjections) await this.host.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }

  /**
   * A projection's checkpoint as the version of its read model, for caches; undefined where the
   * projection does not run in this process, since nothing would tell the cache the table changed.
   */
  versionOf(name: string): () => number | undefined {
    if (!this.config.runProjections) return () => undefined;
    const runner = this.host.runner(name);
    return () => runner.checkpoint;
  }

  names(): string[] {
    return this.host.names();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return this.host.statuses();
  }

  waitFor(projection: string, position: number, timeoutMs: number): Promise<boolean> {
    if (!this.config.runProjections) return Promise.resolve(false);
    return this.host.waitForPosition(projection, position, timeoutMs);
  }

  /**
   * Brings one projection up to the store's head before a read, in a process that does not run
   * projections (the CLI): runs it until caught up, then stops it. Where projections run, they are live.
   */
  async catchUp(name: string, timeoutMs = 60_000): Promise<void> {
    if (this.config.runProjections) return;
    const runner = this.host.runner(name);
    await runner.start();
    try {
      const deadline = Date.now() + timeoutMs;
      while (!(await runner.status()).caughtUp) {
        if (Date.now() > deadline) throw new Error(`projection ${name} did not catch up in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await runner.stop();
    }
  }

  /**
   * After an erasure: copies the WAL into the read-model file and truncates it, so the rows' old
   * pages (plaintext, zeroed in the file by `secure_delete`) leave the log too. Best effort: a
   * checkpoint that readers hold back leaves the log for the next one.
   */
  scrubWriteAheadLog(): void {
    this.host.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /** Replays from position 0 into fresh tables and swaps them in; resolves with the events applied. */
  rebuild(name: string, onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.host.rebuild(name, onProgress);
  }
}

@Global()
@Module({
  providers: [
    Projections,
    { provide: ReadModelFreshness, useExisting: Projections },
    {
      provide: GuildsReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new GuildsReadModel(p.host.db, p.versionOf('guilds')),
    },
    {
      provide: GuildBotsReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new GuildBotsReadModel(p.host.db),
    },
    {
      provide: UsersReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new UsersReadModel(p.host.db),
    },
    {
      provide: ApiKeysReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new ApiKeysReadModel(p.host.db, p.versionOf('apikeys')),
    },
    {
      provide: BotsReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new BotsReadModel(p.host.db),
    },
    {
      provide: DevelopersReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new DevelopersReadModel(p.host.db),
    },
    {
      provide: PlayerReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new PlayerReadModel(p.host.db, p.versionOf('player')),
    },
    {
      provide: ModerationLogReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new ModerationLogReadModel(p.host.db),
    },
    {
      provide: TimelineReadModel,
      inject: [Projections],
      useFactory: (p: Projections) => new TimelineReadModel(p.host.db),
    },
  ],
  exports: [
    Projections,
    ReadModelFreshness,
    GuildsReadModel,
    GuildBotsReadModel,
    UsersReadModel,
    ApiKeysReadModel,
    BotsReadModel,
    DevelopersReadModel,
    PlayerReadModel,
    ModerationLogReadModel,
    TimelineReadModel,
  ],
})
export class ProjectionsModule {}
