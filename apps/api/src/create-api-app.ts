import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { GuildhallConfig } from '#config';
import { createValidationPipe } from './common/validation';

/**
 * Serves a composed application over HTTP: Fastify, pino, validation, OpenAPI. The composition root
 * (apps/guildhall) gives the module, with the HTTP door in it, and the configuration it was built from.
 */
export async function createApiApp(
  root: DynamicModule,
  config: GuildhallConfig,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, logger: false }),
    // Failures reach the caller (main prints them and exits; a test fails) instead of ending the process.
    { bufferLogs: true, abortOnError: false },
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
