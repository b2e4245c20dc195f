import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import {
  EventStore,
  ObservedEventStore,
  SqliteEventStore,
  UpcasterChain,
  UpcastingEventStore,
  type AppendObserver,
} from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/index';
import { GuildhallMetrics } from '#metrics';

/** Every schema upgrade of every event type is registered here, so all readers see the newest shape. */
export const EVENT_UPCASTERS = new UpcasterChain([]);

/** The configured adapter, upcasting every read; with an observer, every append is also measured. */
export function openEventStore(config: GuildhallConfig, observer?: AppendObserver): EventStore {
  const adapter = openAdapter(config);
  return new UpcastingEventStore(
    observer ? new ObservedEventStore(adapter, observer) : adapter,
    EVENT_UPCASTERS,
  );
}

function openAdapter(config: GuildhallConfig): EventStore {
  if (config.eventStoreUrl) return EsdbEventStore.fromConnectionString(config.eventStoreUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    file: join(config.dataDir, 'events.sqlite'),
    durability: config.sqliteDurability,
  });
}

/** Provides the event store port: EventStoreDB when EVENTSTORE_URL is set, the embedded SQLite file otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: EventStore,
      // Harnesses that compose a few modules have no registry: their appends go unmeasured.
      inject: [GUILDHALL_CONFIG, { token: GuildhallMetrics, optional: true }],
      useFactory: (config: GuildhallConfig, metrics: GuildhallMetrics | undefined) => {
        new Logger('EventStore').log(
          config.eventStoreUrl ? 'Using EventStoreDB' : `Using SQLite in ${config.dataDir}`,
        );
        return openEventStore(config, metrics);
      },
    },
  ],
  exports: [EventStore],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
