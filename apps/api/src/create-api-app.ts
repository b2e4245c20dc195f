import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig, type GuildhallConfig } from '#config';
import { ApiModule } from './api.module';
import { createValidationPipe } from './common/validation';

/** Builds the HTTP application; `main` and the e2e tests share it so tests exercise the real wiring. */
export async function createApiApp(
  overrides: Partial<GuildhallConfig> = {},
  options: { guards?: boolean } = {},
): Promise<NestFastifyApplication> {
  const config = { ...loadConfig(), ...overrides };
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.withConfig(config, options),
    new FastifyAdapter({
      bodyLimit: config.bodyLimitBytes,
      logger: false,
      trustProxy: config.trustProxy,
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // Every body Guildhall accepts is JSON; without this Fastify would parse text/plain and the
  // client would get a confusing 400 instead of 415 Unsupported Media Type.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Guildhall')
      .setDescription(
        'Canonical /v1 API and the seed dialects (Hexify /v2, Hush, BotNexus, Bots on Discord, Elixir)',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
