import { Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RouteOptions,
} from 'fastify';
import { ApiKeyAuthenticator } from '#core';
import { keyFromAuthorization } from '../auth/api-key-header';
import { INVALID_KEY_MESSAGE, missingKeyMessage } from '../auth/api-key.guard';
import type { Dialect } from '../auth/dialect';
import { routePolicy } from '../auth/route-policy';
import { RouteTable } from './route-table';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a request without a valid key before its body is read. The key guard runs only after
 * Fastify has read and parsed the body, so without this a client with no key could make the server
 * hold a megabyte per request for as long as it cares to send it slowly. The answer is the guard's
 * own 401, and the connection is closed rather than drained.
 *
 * Installed only on routes that take a body and need a key, so reads pay nothing for it; the key
 * guard still decides everything else (rights, 403s) once the request reaches Nest.
 */
@Injectable()
export class KeyBeforeBody {
  constructor(
    private readonly reflector: Reflector,
    private readonly routes: RouteTable,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  /** Must run before Nest registers its routes (`app.init()`), since Fastify calls onRoute as each is added. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => this.onRoute(route));
  }

  private onRoute(route: RouteOptions): void {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const method = methods.find((m) => BODY_METHODS.has(m));
    if (!method) return;
    const context = this.routes.find(method, route.url);
    // A body route Nest did not declare would escape the check: refuse to start rather than run open.
    if (!context) throw new Error(`No controller method found for ${method} ${route.url}`);
    const { dialect, rules } = routePolicy(this.reflector, context);
    if (rules.some((rule) => rule.kind === 'public')) return;
    const check = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) =>
      this.check(dialect, request, reply, done);
    const existing = route.onRequest ?? [];
    route.onRequest = [...(Array.isArray(existing) ? existing : [existing]), check];
  }

  private check(
    dialect: Dialect,
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    const { headers } = request;
    const announcesBody =
      headers['transfer-encoding'] !== undefined ||
      (headers['content-length'] !== undefined && headers['content-length'] !== '0');
    if (!announcesBody) return done();
    const raw = keyFromAuthorization(dialect, headers.authorization);
    if (raw && this.authenticator.authenticateSync(raw)) return done();
    // Without this, Node would read the rest of the body to keep the connection alive.
    void reply.header('connection', 'close');
    done(new UnauthorizedException(raw ? INVALID_KEY_MESSAGE : missingKeyMessage(dialect)));
  }
}
