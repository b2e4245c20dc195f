import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { EventStore, SqliteEventStore, UpcasterChain, UpcastingEventStore } from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/index';

/** Every schema upgrade of every event type is registered here, so all readers see the newest shape. */
export const EVENT_UPCASTERS = new UpcasterChain([]);

export function openEventStore(config: GuildhallConfig): EventStore {
  if (config.eventStoreUrl) {
    return new UpcastingEventStore(
      EsdbEventStore.fromConnectionString(config.eventStoreUrl),
      EVENT_UPCASTERS,
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new UpcastingEventStore(
    new SqliteEventStore({
      file: join(config.dataDir, 'events.sqlite'),
      durability: config.sqliteDurability,
    }),
    EVENT_UPCASTERS,
  );
}

/** Provides the event store port: EventStoreDB when EVENTSTORE_URL is set, the embedded SQLite file otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: EventStore,
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) => {
        new Logger('EventStore').log(
          config.eventStoreUrl ? 'Using EventStoreDB' : `Using SQLite in ${config.dataDir}`,
        );
        return openEventStore(config);
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
