import type { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { GetPlayerQuery, type CommandResult, type PlayerReading, afterWrite } from '#core';
import { POSITION_HEADER } from '../common/min-position';

/**
 * Read-your-writes for the player: the answer shows the player as the read model has it after the
 * write, and the position header lets a client of another replica wait for the same point.
 */
export async function playerAfterWrite(
  queryBus: QueryBus,
  reply: FastifyReply,
  guildId: string,
  result: CommandResult,
): Promise<PlayerReading | null> {
  if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
  return queryBus.execute(new GetPlayerQuery(guildId, afterWrite(result.position)));
}
