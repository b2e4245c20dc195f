import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Header a write answers with: the global position of its last event. */
export const POSITION_HEADER = 'x-guildhall-position';
/** Header a read may send to wait until the read model has applied that position. */
export const MIN_POSITION_HEADER = 'x-guildhall-min-position';

/** The position a read asks to wait for, or undefined; a 400 when the header is not a non-negative integer. */
export function minPositionOf(request: FastifyRequest): number | undefined {
  const raw = request.headers[MIN_POSITION_HEADER];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isSafeInteger(value) || value < 0) {
    throw new BadRequestException(`${MIN_POSITION_HEADER} must be a non-negative integer`);
  }
  return value;
}

export const MinPosition = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined =>
  minPositionOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
