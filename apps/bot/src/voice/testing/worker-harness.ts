import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { ConfigModule, type GuildhallConfig } from '#config';
import {
  EnqueueTracksCommand,
  EventStoreModule,
  MetricsModule,
  PlayerModule,
  ProjectionsModule,
  systemContext,
} from '#core';
import { TrackResolver, playerStreamId } from '#domain';
import { EventStore, type RecordedEvent } from '#eventstore';
import { GuildhallMetrics } from '#metrics';
import { MusicModule, MusicTrackResolver } from '#music';
import { PlayerReadModel } from '#projections';
import { PlayerWorkerModule } from '../player-worker.module';
import { PlayerWorker } from '../player-worker';
import { VoiceConnector } from '../voice-connector';
import { TappingVoiceConnector } from './tapping-connector';

export const GUILD = '111111111111111111';
export const USER = '222222222222222222';

/** The bot process as wired in the app — store, buses, player handlers, music sources, worker — minus HTTP. */
export interface WorkerHarness<C extends TappingVoiceConnector = TappingVoiceConnector> {
  readonly app: INestApplicationContext;
  readonly worker: PlayerWorker;
  readonly connector: C;
  readonly bus: CommandBus;
  readonly players: PlayerReadModel;
  readonly metrics: GuildhallMetrics;
  enqueue(query: string): Promise<string>;
  events(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export async function startWorkerHarness<C extends TappingVoiceConnector = TappingVoiceConnector>(
  dataDir: string,
  musicDir: string,
  options: { connector?: C; config?: Partial<GuildhallConfig> } = {},
): Promise<WorkerHarness<C>> {
  const connector = options.connector ?? (new TappingVoiceConnector() as C);
  @Module({
    imports: [
      ConfigModule.forRoot({ dataDir, logLevel: 'silent', sqliteDurability: 'normal', ...options.config }),
      CqrsModule.forRoot(),
      MetricsModule,
      EventStoreModule,
      ProjectionsModule,
      MusicModule.withConfig({
        musicDir,
        ytDlpPath: undefined,
        ffmpegPath: 'ffmpeg',
        ffprobePath: 'ffprobe',
        artworkUrlTemplate: null,
      }),
      PlayerModule.withResolver({ provide: TrackResolver, useExisting: MusicTrackResolver }),
      PlayerWorkerModule.forRoot({
        connector: { provide: VoiceConnector, useValue: connector },
        enabled: true,
      }),
    ],
  })
  class HarnessModule {}
  const app = await NestFactory.createApplicationContext(HarnessModule, { logger: false });
  await app.init();
  const bus = app.get(CommandBus);
  const store = app.get(EventStore);
  return {
    app,
    worker: app.get(PlayerWorker),
    connector,
    bus,
    players: app.get(PlayerReadModel),
    metrics: app.get(GuildhallMetrics),
    async enqueue(query) {
      const result = await bus.execute(
        new EnqueueTracksCommand(GUILD, query, { requestedBy: USER }, systemContext('rest', 'test')),
      );
      return result.tracks[0].trackId;
    },
    events: () => store.readStream(playerStreamId(GUILD)),
    close: () => app.close(),
  };
}

/** Polls `condition` every 10 ms until it holds, or fails after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The stream's events as `type(trackName)` strings, with the data the assertions read. */
export const summary = (events: readonly RecordedEvent[], names: Record<string, string>) =>
  events.map((e) => {
    const data = e.data as { trackId?: string; reason?: string };
    const name = data.trackId ? (names[data.trackId] ?? data.trackId) : '';
    return data.reason ? `${e.type}(${name}, ${data.reason})` : name ? `${e.type}(${name})` : e.type;
  });
