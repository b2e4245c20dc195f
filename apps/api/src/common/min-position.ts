import {
  BadRequestException,
  Catch,
  createParamDecorator,
  type ArgumentsHost,
  type ExceptionFilter,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReadModelBehindError } from '#core';

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

/**
 * A read whose `X-Guildhall-Min-Position` was not reached within READ_YOUR_WRITES_TIMEOUT_MS: 503
 * with `Retry-After`, never the stale data. Registered after the catch-all filter, so Nest asks it first.
 */
@Catch(ReadModelBehindError)
export class ReadModelBehindFilter implements ExceptionFilter {
  catch(exception: ReadModelBehindError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .header('retry-after', '1')
      .status(503)
      .send({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `${MIN_POSITION_HEADER} ${exception.position} was not reached within ${exception.timeoutMs} ms; retry later`,
        code: 'position_not_reached',
      });
  }
}
