import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import compress from '@fastify/compress';
import { Logger } from 'nestjs-pino';
import type { GuildhallConfig } from '#config';
import { createValidationPipe } from './common/validation';
import { httpServerOptions } from './http-input/http-server-options';
import { acceptOnlyJsonBodies } from './http-input/json-body-parser';
import { KeyBeforeBody } from './http-input/key-before-body';
import { onEveryAnswer } from './http-input/answer-hook';
import { createOpenApiDocument } from './openapi/openapi-document';
import { RESPONSE_HEADERS } from './openapi/headers';
import { Metrics } from './metrics/metrics';
import { servePostmanCollection } from './openapi/postman/postman-routes';

/** Headers a browser script may read from an answer: the ones the API sets itself. */
const EXPOSED_HEADERS = Object.keys(RESPONSE_HEADERS);

/**
 * Serves a composed application over HTTP: Fastify, pino, validation, OpenAPI. The composition root
 * (apps/guildhall) gives the module, with the HTTP door in it, and the configuration it was built from.
 */
export async function createApiApp(
  root: DynamicModule,
  config: GuildhallConfig,
  options: { guards?: boolean } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    new FastifyAdapter(httpServerOptions(config)),
    // Nest's parsers would also accept form-encoded bodies; Guildhall takes JSON only. Failures reach
    // the caller (main prints them and exits; a test fails) instead of ending the process.
    { bufferLogs: true, bodyParser: false, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  onEveryAnswer(fastify, app.get(Metrics));
  acceptOnlyJsonBodies(fastify, {
    maxDepth: config.bodyMaxDepth,
    maxKeys: config.bodyMaxKeys,
    maxItems: config.bodyMaxItems,
  });
  if (options.guards !== false) app.get(KeyBeforeBody).install(fastify);
  if (config.compressionMinBytes > 0) {
    // Answers only: request bodies stay plain JSON, so their limits are checked on what is sent.
    await app.register(compress, {
      threshold: config.compressionMinBytes,
      encodings: ['gzip', 'deflate'],
      globalDecompression: false,
    });
  }
  if (config.corsOrigins.length > 0) {
    // @fastify/cors: preflights answered before the guards, so a browser learns what it may send.
    app.enableCors({
      origin: config.corsOrigins.includes('*') ? '*' : [...config.corsOrigins],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  servePostmanCollection(app, document, config);
  return app;
}
