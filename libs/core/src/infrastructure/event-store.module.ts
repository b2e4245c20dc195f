import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ERASED_PERSONAL_DATA, PERSONAL_DATA_RULES } from '#domain';
import {
  EventStore,
  ObservedEventStore,
  PersonalDataKeys,
  ShreddingEventStore,
  SqliteEventStore,
  UpcasterChain,
  UpcastingEventStore,
  type AppendObserver,
} from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/index';
import { GuildhallMetrics } from '#metrics';
import { openPersonalDataKeys } from './personal-data-keys.provider';

/** Every schema upgrade of every event type is registered here, so all readers see the newest shape. */
export const EVENT_UPCASTERS = new UpcasterChain([]);

function openAdapter(config: GuildhallConfig): EventStore {
  if (config.eventStoreUrl) return EsdbEventStore.fromConnectionString(config.eventStoreUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    file: join(config.dataDir, 'events.sqlite'),
    durability: config.sqliteDurability,
  });
}

/**
 * The adapter, with personal fields sealed and opened around it (crypto-shredding), and upcasting on
 * top: opening happens on the stored shape, upcasting on the plaintext. With an observer, every
 * append is also measured where it reaches the adapter (sealing excluded).
 */
export function openEventStore(
  config: GuildhallConfig,
  keys: PersonalDataKeys = openPersonalDataKeys(config),
  observer?: AppendObserver,
): EventStore {
  const adapter = openAdapter(config);
  const shredding = new ShreddingEventStore(
    observer ? new ObservedEventStore(adapter, observer) : adapter,
    keys,
    PERSONAL_DATA_RULES,
    ERASED_PERSONAL_DATA,
  );
  return new UpcastingEventStore(shredding, EVENT_UPCASTERS);
}

/** Provides the event store port: EventStoreDB when EVENTSTORE_URL is set, the embedded SQLite file otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: PersonalDataKeys,
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) => openPersonalDataKeys(config),
    },
    {
      provide: EventStore,
      // Harnesses that compose a few modules have no registry: their appends go unmeasured.
      inject: [GUILDHALL_CONFIG, PersonalDataKeys, { token: GuildhallMetrics, optional: true }],
      useFactory: (
        config: GuildhallConfig,
        keys: PersonalDataKeys,
        metrics: GuildhallMetrics | undefined,
      ) => {
        new Logger('EventStore').log(
          config.eventStoreUrl ? 'Using EventStoreDB' : `Using SQLite in ${config.dataDir}`,
        );
        return openEventStore(config, keys, metrics);
      },
    },
  ],
  exports: [EventStore, PersonalDataKeys],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
