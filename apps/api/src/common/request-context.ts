import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '#eventstore';
import type { ApiKeyPrincipal, CommandContext } from '#core';
import type { Dialect } from '../auth/dialect';

/** What the key guard leaves on the request for the handlers. */
export interface Principal {
  readonly actor: Actor;
  readonly key: ApiKeyPrincipal;
}

export type RequestWithPrincipal = FastifyRequest & { principal?: Principal; dialect?: Dialect };

/**
 * Builds the command context of a REST request: actor from the key; the correlation id is the
 * request's id (X-Request-Id from the caller or new, http-input/request-id.ts), so the events a
 * request appends, its log lines and its answer share one id.
 */
export function commandContextOf(request: RequestWithPrincipal): CommandContext {
  const correlationId = request.id;
  return {
    actor: request.principal?.actor ?? { kind: 'system', id: 'anonymous' },
    door: 'rest',
    correlationId,
    causationId: null,
    onBehalfOf: request.principal?.key.ownerId ?? null,
  };
}

export const RestCommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest<RequestWithPrincipal>()),
);

/** The authenticated key of the request (routes without `@Public()` always have one). */
export const CurrentKey = createParamDecorator((_: unknown, ctx: ExecutionContext): ApiKeyPrincipal => {
  const principal = ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentKey used on a route without a key');
  return principal.key;
});
