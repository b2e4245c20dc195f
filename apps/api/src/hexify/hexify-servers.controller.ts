import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RouteSchema } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ChangeSettingsCommand,
  GetGuildAsOfQuery,
  GetGuildQuery,
  UsageRecordingCommandBus,
  type CommandContext,
} from '#core';
import { GuildManager, GuildReader } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { GuildSettingsDto, toSettingsChanges } from '../servers/guild-settings.dto';
import { HEXIFY_SERVER_SCHEMA, hexifyServerBody } from '../servers/guild.views';
import { guildAfterWrite } from '../servers/guild-writes';
import { guildReadOf } from '../common/guild-read';
import { HexifyServerResponse } from '../servers/guild.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiAsOf, ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { asOfOf } from '../common/as-of';
import { ApiErrors, ApiNotModified, ApiOk } from '../openapi/responses';
import { answerConditionally, weakTag } from '../common/conditional-get';

/** Hexify API v2: servers and settings, exactly as the seed documents them. */
@ApiTags('Hexify v2')
@ApiDialect('hexify')
@ApiSnowflakeParam('server_id', '123456789012345678', 'Discord server ID')
@UseDialect('hexify')
@Controller('v2/servers')
export class HexifyServersController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get(':server_id')
  @GuildReader('server_id')
  @ApiOperation({
    summary: 'Get server information',
    description: 'With `as_of` (a Guildhall extension), the server as it was then.',
  })
  @ApiMinPosition()
  @ApiAsOf()
  @ApiOk(HexifyServerResponse, { description: 'The server', headers: ['ETag'] })
  @ApiNotModified()
  @ApiErrors(400, 403, 404, 503)
  @RouteSchema({ response: { 200: HEXIFY_SERVER_SCHEMA } })
  async getServer(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { guildId: serverId, minPosition } = guildReadOf(request, 'server_id');
    const asOf = asOfOf(request);
    const guild = await this.queryBus.execute(
      asOf ? new GetGuildAsOfQuery(serverId, asOf) : new GetGuildQuery(serverId, minPosition),
    );
    if (!guild)
      throw new NotFoundException(`server ${serverId} not found${asOf ? ' as of that moment' : ''}`);
    answerConditionally(request, reply, weakTag(guild.revision));
    return hexifyServerBody(guild);
  }

  /** Answers with the server as it is after the change, so a client needs no second read. */
  @Post(':server_id/settings')
  @GuildManager('server_id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Update server settings',
    description:
      'Every field optional, at least one; `null` clears a channel. Answers with the server after the change.',
  })
  @ApiOk(HexifyServerResponse, { description: 'The server after the change', write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async updateSettings(
    @Param('server_id', new SnowflakePipe('server_id')) serverId: string,
    @Body() body: GuildSettingsDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(
      new ChangeSettingsCommand(serverId, toSettingsChanges(body), context),
    );
    return hexifyServerBody(await guildAfterWrite(this.queryBus, reply, serverId, result));
  }
}
