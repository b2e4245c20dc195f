import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GuildhallConfig } from '#config';
import { createPostmanEnvironment } from './postman-environment';

/** Where the server can be reached as configured: a wildcard bind address is reached on the loopback. */
function configuredBaseUrl(config: GuildhallConfig): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/** The collection as JSON, converted in a worker thread: a conversion takes seconds of CPU. */
function convertInWorker(document: OpenAPIObject, baseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'postman-worker.js'), { workerData: { document, baseUrl } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the Postman conversion exited with ${code}`)));
  });
}

/**
 * GET /docs/postman.json, the Postman collection of the document, and GET
 * /docs/postman-environment.json, an environment for it whose `baseUrl` is the address the client
 * asked. Like /docs/openapi.json they need no key. The collection is converted once, on its first
 * request, in a worker thread (about two seconds of CPU, which neither a server start nor the
 * requests being served should wait for), then served from memory.
 */
export function servePostmanCollection(
  app: NestFastifyApplication,
  document: OpenAPIObject,
  config: GuildhallConfig,
): void {
  let collection: Promise<string> | undefined;
  const collectionJson = () =>
    (collection ??= convertInWorker(document, configuredBaseUrl(config)).catch((error: unknown) => {
      collection = undefined; // a failed conversion is tried again by the next request
      throw error;
    }));
  const http = app.getHttpAdapter();
  http.get('/docs/postman.json', async (_request: FastifyRequest, reply: FastifyReply) => {
    await reply.type('application/json; charset=utf-8').send(await collectionJson());
  });
  http.get('/docs/postman-environment.json', async (request: FastifyRequest, reply: FastifyReply) => {
    const baseUrl = `${request.protocol}://${request.host}`;
    await reply.type('application/json; charset=utf-8').send(createPostmanEnvironment(baseUrl));
  });
}
