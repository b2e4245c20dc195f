import { NotFoundException } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { GetGuildQuery, type CommandResult, afterWrite } from '#core';
import type { GuildView } from '#projections';
import { POSITION_HEADER } from '../common/min-position';

/**
 * Read-your-writes: a write answers with the guild as the read model shows it after applying the
 * write (waiting up to READ_YOUR_WRITES_TIMEOUT_MS), and tells its position in a header so a
 * client of another replica can wait for the same point.
 */
export async function guildAfterWrite(
  queryBus: QueryBus,
  reply: FastifyReply,
  guildId: string,
  result: CommandResult,
): Promise<GuildView> {
  if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
  const guild = await queryBus.execute(new GetGuildQuery(guildId, afterWrite(result.position)));
  if (!guild) throw new NotFoundException(`server ${guildId} not found`);
  return guild;
}
