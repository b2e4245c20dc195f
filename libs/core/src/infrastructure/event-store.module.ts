import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ERASED_PERSONAL_DATA, PERSONAL_DATA_RULES } from '#domain';
import {
  EventStore,
  PersonalDataKeys,
  ShreddingEventStore,
  SqliteEventStore,
  UpcasterChain,
  UpcastingEventStore,
} from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/index';
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
 * top: opening happens on the stored shape, upcasting on the plaintext.
 */
export function openEventStore(
  config: GuildhallConfig,
  keys: PersonalDataKeys = openPersonalDataKeys(config),
): EventStore {
  const shredding = new ShreddingEventStore(
    openAdapter(config),
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
      inject: [GUILDHALL_CONFIG, PersonalDataKeys],
      useFactory: (config: GuildhallConfig, keys: PersonalDataKeys) => {
        new Logger('EventStore').log(
          config.eventStoreUrl ? 'Using EventStoreDB' : `Using SQLite in ${config.dataDir}`,
        );
        return openEventStore(config, keys);
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
