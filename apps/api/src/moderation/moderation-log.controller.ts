import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GetModerationLogQuery } from '#core';
import { GuildManager } from '../auth/access.decorators';
import { MinPosition } from '../common/min-position';
import { SnowflakePipe } from '../common/snowflake';
import { ModerationLogQueryDto, moderationLogBody } from './moderation-log.dto';

/** Canonical `/v1/servers/:id/moderation`: what auto-moderation did in a guild (Hexify's moderation logs). */
@ApiTags('Servers')
@ApiBearerAuth()
@Controller('v1/servers')
export class ModerationLogController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/moderation')
  @GuildManager('id')
  async list(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Query() query: ModerationLogQueryDto,
    @MinPosition() minPosition?: number,
  ) {
    const page = await this.queryBus.execute(
      new GetModerationLogQuery(id, query.after ?? -1, query.limit ?? 50, minPosition),
    );
    if (!page) throw new NotFoundException(`server ${id} not found`);
    return moderationLogBody(page);
  }
}
