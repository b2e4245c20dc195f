import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '#eventstore';
import type { CommandContext } from '#core';

/** What the auth guard leaves on the request for the handlers. */
export interface Principal {
  readonly actor: Actor;
}

export type RequestWithPrincipal = FastifyRequest & { principal?: Principal };

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the command context of a REST request: actor from the guard, correlation id from the caller or new. */
export function commandContextOf(request: RequestWithPrincipal): CommandContext {
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
  return {
    actor: request.principal?.actor ?? { kind: 'system', id: 'anonymous' },
    door: 'rest',
    correlationId,
    causationId: null,
  };
}

export const RestCommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest<RequestWithPrincipal>()),
);
