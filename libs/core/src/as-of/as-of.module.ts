import { join } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { AS_OF_SNAPSHOTS_FILE, AsOfSnapshotStore } from '#projections';
import { GetGuildAsOfHandler, GetPlayerAsOfHandler } from './as-of-handlers';

/** State as of any moment: folds streams from the event store, with snapshots of long ones. */
@Global()
@Module({
  providers: [
    {
      provide: AsOfSnapshotStore,
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) =>
        new AsOfSnapshotStore(join(config.dataDir, AS_OF_SNAPSHOTS_FILE)),
    },
    GetGuildAsOfHandler,
    GetPlayerAsOfHandler,
  ],
  exports: [AsOfSnapshotStore],
})
export class AsOfModule implements OnApplicationShutdown {
  constructor(@Inject(AsOfSnapshotStore) private readonly snapshots: AsOfSnapshotStore) {}

  onApplicationShutdown(): void {
    this.snapshots.close();
  }
}
