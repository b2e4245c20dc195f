import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '#config';
import { EventStoreModule } from '../infrastructure/event-store.module';
import { ProjectionsModule } from '../infrastructure/projections.module';
import { ApiKeyModule } from './apikey.module';

export type KeysTestApp = Awaited<ReturnType<typeof NestFactory.createApplicationContext>> & {
  readonly dataDir: string;
  /** Closes the app and removes its data directory (not `dispose`: Nest's close() calls a method of that name). */
  closeAndRemove(): Promise<void>;
};

/** The API key context on the real stores in a fresh data directory, projections running, no HTTP. */
export async function startKeysApp(): Promise<KeysTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-keys-'));
  @Module({
    imports: [
      ConfigModule.forRoot({ dataDir, runProjections: true, logLevel: 'silent' }),
      CqrsModule.forRoot(),
      EventStoreModule,
      ProjectionsModule,
      ApiKeyModule,
    ],
  })
  class KeysTestModule {}
  const app = await NestFactory.createApplicationContext(KeysTestModule, { logger: false });
  await app.init();
  return Object.assign(app, {
    dataDir,
    async closeAndRemove() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
