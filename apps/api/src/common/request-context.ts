import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the command context of a REST request: actor from the key, correlation id from the caller or new. */
export function commandContextOf(request: RequestWithPrincipal): CommandContext {
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
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
