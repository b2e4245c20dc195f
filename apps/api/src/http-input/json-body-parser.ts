import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { jsonShapeBreach, type JsonShapeLimits } from './json-shape-limits';

/**
 * JSON is the only body Guildhall takes: every other media type (form-encoded, text/plain, none
 * named) gets Fastify's 415. The shape of a JSON body is checked before it is parsed, so that
 * nothing recursive ever sees a body nested thousands of levels deep or an object with a hundred
 * thousand fields; then Fastify's own parser (which refuses `__proto__` and `constructor` keys)
 * parses it.
 */
export function acceptOnlyJsonBodies(fastify: FastifyInstance, limits: JsonShapeLimits): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const breach = jsonShapeBreach(body as string, limits);
    if (breach) return done(new BadRequestException(breach), undefined);
    parse(request, body as string, done);
  });
}
