import { subscribe } from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';
import { recordResponses } from './response-log';

/**
 * `node --require` this in a Guildhall server process started by a test (server-process.ts does when
 * the run keeps a contract log): Fastify announces each instance it creates on this channel, before
 * any route exists, and the instance gets the recording hook.
 */
subscribe('fastify.initialization', (message) => {
  recordResponses((message as { fastify: FastifyInstance }).fastify);
});
