import { Controller, ForbiddenException, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GetAnalyticsSummaryQuery } from '#core';
import { GuildReader } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { SnowflakePipe } from '../common/snowflake';
import { hexifyAnalyticsBody } from './analytics.views';

/** Hexify API v2: server analytics, a Premium feature as the seed marks it. */
@ApiTags('Hexify v2')
@ApiBearerAuth()
@UseDialect('hexify')
@Controller('v2/servers')
export class HexifyAnalyticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':server_id/analytics')
  @GuildReader('server_id')
  async analytics(@Param('server_id', new SnowflakePipe('server_id')) serverId: string) {
    const answer = await this.queryBus.execute(new GetAnalyticsSummaryQuery(serverId));
    if (!answer) throw new NotFoundException(`server ${serverId} not found`);
    if (!answer.guild.premium) {
      throw new ForbiddenException(`Analytics is a Premium feature: server ${serverId} is not on Premium`);
    }
    return hexifyAnalyticsBody(answer.result);
  }
}
