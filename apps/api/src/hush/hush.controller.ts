import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetGuildQuery, GetUserQuery } from '#core';
import { GuildOwner, RequireScope } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { HUSH_POLICY, RouteRateLimit } from '../auth/rate-limit.policies';
import { SnowflakePipe } from '../common/snowflake';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';
import { HushStatsResponse, HushUserResponse } from './hush.responses';

/** Hush Bot: user info (Admin) and server stats (Server Owner), 60 requests per minute per server. */
@ApiTags('Hush Bot')
@ApiDialect('hush')
@ApiSnowflakeParam('id', '123456')
@UseDialect('hush')
@Controller('v1')
export class HushController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('users/:id')
  @RequireScope('admin')
  @ApiOperation({ summary: 'Get user info (Admin)' })
  @ApiOk(HushUserResponse, { description: 'The user' })
  @ApiErrors(400, 403, 404)
  async user(@Param('id', new SnowflakePipe('id')) id: string) {
    const user = await this.queryBus.execute(new GetUserQuery(id));
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return { id: user.id, username: user.username, roles: user.roles };
  }

  @Get('servers/:id/stats')
  @GuildOwner('id')
  @RouteRateLimit(HUSH_POLICY, 'id')
  @ApiOperation({ summary: 'Get server stats (Server Owner)' })
  @ApiOk(HushStatsResponse, { description: 'Member, bot and online counts' })
  @ApiErrors(400, 403, 404)
  async stats(@Param('id', new SnowflakePipe('id')) id: string) {
    const guild = await this.queryBus.execute(new GetGuildQuery(id));
    if (!guild) throw new NotFoundException(`server ${id} not found`);
    return { members: guild.memberCount, bots: guild.botCount, online: guild.onlineCount };
  }
}
