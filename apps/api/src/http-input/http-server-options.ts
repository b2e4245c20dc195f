import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import type { GuildhallConfig } from '#config';
import { errorBody, statusText } from '../common/error-body';
import { requestIdOf } from './request-id';

// Fastify's default; a snowflake is at most 20 digits, a track id a few dozen characters.
const MAX_PARAM_LENGTH = 100;

/**
 * How the HTTP server takes input before Nest sees it: the body limit, how long a client may take
 * to send a request, and the error bodies of what Fastify and Node refuse on their own (a malformed
 * URL, an over-long path segment, a timeout), in the same `{statusCode, error, message}` shape as
 * every other error.
 */
export function httpServerOptions(config: GuildhallConfig): FastifyHttpOptions<Server> {
  return {
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    // Only behind a configured proxy does X-Forwarded-For name the client (TRUST_PROXY).
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // The id comes from genReqId alone, which checks the caller's header before trusting it.
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers),
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      // Node looks for overdue requests every 30 s by default, which would let a timeout run late by
      // that much; a look every second costs little next to the requests it bounds.
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: (error, socket) => answerClientError(error, socket, config),
  };
}

function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `A path segment of the URL is longer than ${MAX_PARAM_LENGTH} characters`
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The URL is malformed (an invalid percent-encoding)'
        : 'Internal server error';
  void reply.code(status).send(errorBody(status, message));
}

/** What Node refuses before there is a request object: timeouts, oversized headers, broken HTTP. */
function answerClientError(error: Error & { code?: string }, socket: Socket, config: GuildhallConfig): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [
          408,
          `The request did not arrive in time: headers are due within ${config.headersTimeoutMs} ms ` +
            `and the whole request within ${config.requestTimeoutMs} ms`,
        ]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request line and headers together are too large']
        : [400, 'Malformed HTTP request'];
  const body = JSON.stringify(errorBody(status, message));
  if (!socket.writable) return void socket.destroy();
  socket.end(
    `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
