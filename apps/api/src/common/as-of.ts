import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import { GetGuildAsOfQuery } from '#core';
import type { FastifyRequest } from 'fastify';
import type { AsOf } from '#projections';

/** The query parameter of reads that answer as of a moment. */
export const AS_OF_PARAM = 'as_of';

/** An ISO 8601 date, or date and time with seconds optional, a fraction optional, and a zone required. */
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const POSITION = /^\d{1,16}$/;

const invalid = () =>
  new BadRequestException(
    `${AS_OF_PARAM} must be a global position (a non-negative integer) or an ISO 8601 time with a zone, ` +
      'e.g. 2026-03-01T12:00:00Z',
  );

/**
 * Parses `as_of`: all digits is a global position (positions are integers, and no ISO 8601 time is
 * all digits); anything else must be an ISO 8601 date (midnight UTC) or date-time with a zone, since
 * a time without one would mean a different moment on every server.
 */
export function parseAsOf(raw: string): AsOf {
  if (POSITION.test(raw)) {
    const position = Number(raw);
    if (!Number.isSafeInteger(position)) throw invalid();
    return { position };
  }
  const match = ISO_TIME.exec(raw);
  if (!match || !validFields(match)) throw invalid();
  const time = Date.parse(match[4] === undefined ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(time)) throw invalid();
  return { time };
}

/** Date.parse rolls 2026-02-30 over to March 2: every field must be in range as written. */
function validFields(match: RegExpExecArray): boolean {
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((f) => Number(f ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  const sameDay = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return sameDay && hour < 24 && minute < 60 && second < 60;
}

/** The request's `as_of`, or undefined when absent; a 400 naming `as_of` when it is malformed. */
export function asOfOf(request: FastifyRequest): AsOf | undefined {
  const raw = (request.query as Record<string, unknown> | undefined)?.[AS_OF_PARAM];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw invalid();
  return parseAsOf(raw);
}

/** 404 unless the guild existed at the moment: reads of its parts (the queue) answer as the guild does. */
export async function requireGuildAsOf(queryBus: QueryBus, guildId: string, asOf: AsOf): Promise<void> {
  const guild = await queryBus.execute(new GetGuildAsOfQuery(guildId, asOf));
  if (!guild) throw new NotFoundException(`server ${guildId} not found as of that moment`);
}
