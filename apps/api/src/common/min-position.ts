import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Header a write answers with: the global position of its last event. */
export const POSITION_HEADER = 'x-guildhall-position';
/** Header a read may send to wait until the read model has applied that position. */
export const MIN_POSITION_HEADER = 'x-guildhall-min-position';

export const MinPosition = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined => {
  const raw = ctx.switchToHttp().getRequest<FastifyRequest>().headers[MIN_POSITION_HEADER];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isSafeInteger(value) || value < 0) {
    throw new BadRequestException(`${MIN_POSITION_HEADER} must be a non-negative integer`);
  }
  return value;
});
