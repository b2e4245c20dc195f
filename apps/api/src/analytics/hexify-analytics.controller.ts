import { Controller, ForbiddenException, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetAnalyticsSummaryQuery } from '#core';
import { GuildReader } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { SnowflakePipe } from '../common/snowflake';
import { hexifyAnalyticsBody } from './analytics.views';
import { HexifyAnalyticsResponse } from './analytics.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

/** Hexify API v2: server analytics, a Premium feature as the seed marks it. */
@ApiTags('Hexify v2')
@ApiDialect('hexify')
@UseDialect('hexify')
@Controller('v2/servers')
export class HexifyAnalyticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':server_id/analytics')
  @GuildReader('server_id')
  @ApiOperation({ summary: 'Get server analytics (Premium)' })
  @ApiSnowflakeParam('server_id', '123456789012345678', 'Discord server ID')
  @ApiOk(HexifyAnalyticsResponse, { description: 'Commands used, active users and member growth' })
  @ApiErrors(
    400,
    {
      status: 403,
      description: 'The key may not read this server, or the server is not on Premium',
      message: 'Analytics is a Premium feature: server 123456789012345678 is not on Premium',
    },
    404,
    503,
  )
  async analytics(@Param('server_id', new SnowflakePipe('server_id')) serverId: string) {
    const answer = await this.queryBus.execute(new GetAnalyticsSummaryQuery(serverId));
    if (!answer) throw new NotFoundException(`server ${serverId} not found`);
    if (!answer.guild.premium) {
      throw new ForbiddenException(`Analytics is a Premium feature: server ${serverId} is not on Premium`);
    }
    return hexifyAnalyticsBody(answer.result);
  }
}
