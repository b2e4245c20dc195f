import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Thrown by `answerConditionally` when the client's copy is current; answered as 304 with no body. */
export class NotModified {
  constructor(readonly etag: string) {}
}

/** A weak tag from a read model's version (a stream revision): equal versions mean equal answers. */
export const weakTag = (version: number | string): string => `W/"${version}"`;

/** The tag without its weakness marker: If-None-Match compares weakly (RFC 9110 §13.1.2). */
function opaque(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/** Whether an `If-None-Match` value (`*`, or a comma-separated list of tags) names this tag. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}

/**
 * Sets `ETag` on a read's answer, and throws `NotModified` when the request's `If-None-Match`
 * already names it (the filter below answers 304). Costs one header compare when nothing matches.
 */
export function answerConditionally(request: FastifyRequest, reply: FastifyReply, etag: string): void {
  void reply.header('etag', etag);
  if (matches(request.headers['if-none-match'], etag)) throw new NotModified(etag);
}

/** 304 Not Modified: no body, the tag again (the rate-limit headers stay as the guard set them). */
@Catch(NotModified)
export class NotModifiedFilter implements ExceptionFilter {
  catch(exception: NotModified, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse<FastifyReply>().header('etag', exception.etag).status(304).send();
  }
}
