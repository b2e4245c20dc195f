import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GetGuildQuery, GetUserQuery } from '#core';
import { GuildOwner, RequireScope } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { HUSH_POLICY, RouteRateLimit } from '../auth/rate-limit.policies';
import { SnowflakePipe } from '../common/snowflake';

/** Hush Bot: user info (Admin) and server stats (Server Owner), 60 requests per minute per server. */
@ApiTags('Hush Bot')
@ApiBearerAuth()
@UseDialect('hush')
@Controller('v1')
export class HushController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('users/:id')
  @RequireScope('admin')
  async user(@Param('id', new SnowflakePipe('id')) id: string) {
    const user = await this.queryBus.execute(new GetUserQuery(id));
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return { id: user.id, username: user.username, roles: user.roles };
  }

  @Get('servers/:id/stats')
  @GuildOwner('id')
  @RouteRateLimit(HUSH_POLICY, 'id')
  async stats(@Param('id', new SnowflakePipe('id')) id: string) {
    const guild = await this.queryBus.execute(new GetGuildQuery(id));
    if (!guild) throw new NotFoundException(`server ${id} not found`);
    return { members: guild.memberCount, bots: guild.botCount, online: guild.onlineCount };
  }
}
