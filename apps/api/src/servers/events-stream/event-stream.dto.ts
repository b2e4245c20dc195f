import { BadRequestException } from '@nestjs/common';
import { PickType } from '@nestjs/swagger';
import { GuildHistoryQueryDto } from '../guild-history.dto';

/** Query string of `GET /v1/servers/:id/events/stream`: the history's filters, without time or paging. */
export class GuildEventStreamQueryDto extends PickType(GuildHistoryQueryDto, ['after', 'type', 'include']) {}

const POSITION = /^(-1|0|[1-9][0-9]{0,15})$/;

/**
 * Where a stream resumes: the `Last-Event-ID` a reconnecting EventSource sends wins over `?after=`
 * (the URL it reconnects to keeps the original `after`); neither starts at the beginning.
 */
export function resumePoint(lastEventId: string | string[] | undefined, after: number | undefined): number {
  if (lastEventId === undefined) return after ?? -1;
  const value = Array.isArray(lastEventId) ? lastEventId[0] : lastEventId;
  if (!POSITION.test(value.trim())) {
    throw new BadRequestException('Last-Event-ID must be a global position (an integer of -1 or more)');
  }
  return Number(value.trim());
}
