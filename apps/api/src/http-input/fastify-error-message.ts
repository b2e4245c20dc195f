import type { FastifyRequest } from 'fastify';

/**
 * The message for an error Fastify raised while taking a request in, in the client's terms. Nest
 * hands these to the filters as a bare `HttpException(message, status)`, without Fastify's error
 * code, so the status is what tells them apart; other messages (invalid JSON, an empty body, a
 * Content-Length that lies) already say what to fix and are kept.
 */
export function fastifyErrorMessage(status: number, message: string, request: FastifyRequest): string {
  if (status === 415) {
    const sent = request.headers['content-type'];
    const got = sent ? ` (got ${sent.slice(0, 100)})` : '';
    return `Request bodies must be JSON: send Content-Type: application/json${got}`;
  }
  if (status === 413) return `The request body is larger than ${request.routeOptions.bodyLimit} bytes`;
  return message;
}
