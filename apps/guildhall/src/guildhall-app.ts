import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { loadConfig, type GuildhallConfig } from '#config';
import { createApiApp } from '#api/create-api-app';
import { doorsFor } from './doors';
import { GuildhallModule } from './guildhall.module';

/**
 * The process with its HTTP door open, and the Discord door where configured. `main`, the e2e tests
 * and the benchmarks build it here, so tests exercise the real wiring.
 */
export function createGuildhallApp(
  overrides: Partial<GuildhallConfig> = {},
  options: { guards?: boolean } = {},
): Promise<NestFastifyApplication> {
  const config = { ...loadConfig(), ...overrides };
  return createApiApp(
    GuildhallModule.forRoot(config, { ...doorsFor(config), http: true }, options),
    config,
    options,
  );
}

/** The process with no HTTP: the Discord door (and its voice worker) alone over the same core. */
export async function createBotContext(
  overrides: Partial<GuildhallConfig> = {},
): Promise<INestApplicationContext> {
  const config = { ...loadConfig(), ...overrides };
  const app = await NestFactory.createApplicationContext(
    GuildhallModule.forRoot(config, { http: false, discord: true }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
