import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetModerationLogQuery } from '#core';
import { GuildManager } from '../auth/access.decorators';
import { MinPosition } from '../common/min-position';
import { SnowflakePipe } from '../common/snowflake';
import { ModerationLogQueryDto, moderationLogBody } from './moderation-log.dto';
import { ModerationLogResponse } from './moderation-log.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

/** Canonical `/v1/servers/:id/moderation`: what auto-moderation did in a guild (Hexify's moderation logs). */
@ApiTags('Servers')
@ApiDialect('canonical')
@Controller('v1/servers')
export class ModerationLogController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/moderation')
  @GuildManager('id')
  @ApiOperation({
    summary: 'Get the moderation log of a server',
    description: 'What auto-moderation did, oldest first.',
  })
  @ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
  @ApiMinPosition()
  @ApiOk(ModerationLogResponse, { description: 'One page of entries' })
  @ApiErrors(400, 403, 404, 503)
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
