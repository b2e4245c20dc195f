import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig, type GuildhallConfig } from '#config';
import { ApiModule } from './api.module';
import { createValidationPipe } from './common/validation';
import { httpServerOptions } from './http-input/http-server-options';
import { acceptOnlyJsonBodies } from './http-input/json-body-parser';
import { KeyBeforeBody } from './http-input/key-before-body';

/** Builds the HTTP application; `main` and the e2e tests share it so tests exercise the real wiring. */
export async function createApiApp(
  overrides: Partial<GuildhallConfig> = {},
  options: { guards?: boolean } = {},
): Promise<NestFastifyApplication> {
  const config = { ...loadConfig(), ...overrides };
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.withConfig(config, options),
    new FastifyAdapter(httpServerOptions(config)),
    // Nest's parsers would also accept form-encoded bodies; Guildhall takes JSON only.
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  acceptOnlyJsonBodies(fastify, {
    maxDepth: config.bodyMaxDepth,
    maxKeys: config.bodyMaxKeys,
    maxItems: config.bodyMaxItems,
  });
  if (options.guards !== false) app.get(KeyBeforeBody).install(fastify);
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
