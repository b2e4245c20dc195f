import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GuildhallConfig } from '#config';
import { createPostmanCollection } from './postman-collection';
import { createPostmanEnvironment } from './postman-environment';

/** Where the server can be reached as configured: a wildcard bind address is reached on the loopback. */
function configuredBaseUrl(config: GuildhallConfig): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/**
 * GET /docs/postman.json, the Postman collection of the document, and GET
 * /docs/postman-environment.json, an environment for it whose `baseUrl` is the address the client
 * asked. Like /docs/openapi.json they need no key. The collection is converted once, on its first
 * request (a conversion takes about two seconds, which a server start should not wait for), then
 * served from memory.
 */
export function servePostmanCollection(
  app: NestFastifyApplication,
  document: OpenAPIObject,
  config: GuildhallConfig,
): void {
  let collection: Promise<string> | undefined;
  const collectionJson = () =>
    (collection ??= createPostmanCollection(document, configuredBaseUrl(config)).then(
      (converted) => JSON.stringify(converted),
      (error: unknown) => {
        collection = undefined; // a failed conversion is tried again by the next request
        throw error;
      },
    ));
  const http = app.getHttpAdapter();
  http.get('/docs/postman.json', async (_request: FastifyRequest, reply: FastifyReply) => {
    await reply.type('application/json; charset=utf-8').send(await collectionJson());
  });
  http.get('/docs/postman-environment.json', async (request: FastifyRequest, reply: FastifyReply) => {
    const baseUrl = `${request.protocol}://${request.host}`;
    await reply.type('application/json; charset=utf-8').send(createPostmanEnvironment(baseUrl));
  });
}
