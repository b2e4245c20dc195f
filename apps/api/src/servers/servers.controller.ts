import { Body, Controller, Get, NotFoundException, Param, Patch, Put, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ChangeSettingsCommand,
  GetGuildAsOfQuery,
  GetGuildHistoryQuery,
  GetGuildQuery,
  RegisterGuildCommand,
  UsageRecordingCommandBus,
  type CommandContext,
} from '#core';
import { GuildManager, GuildReader, RequireScope } from '../auth/access.decorators';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { GuildHistoryQueryDto, historyBody, toHistoryFilter } from './guild-history.dto';
import { GuildSettingsDto, toSettingsChanges } from './guild-settings.dto';
import { RegisterGuildDto, toGuildProfile } from './register-guild.dto';
import { canonicalServerBody } from './guild.views';
import { guildAfterWrite } from './guild-writes';
import { guildReadOf } from '../common/guild-read';
import { CanonicalServerResponse, GuildHistoryResponse } from './guild.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiAsOf, ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { asOfOf } from '../common/as-of';
import { ApiErrors, ApiNotModified, ApiOk } from '../openapi/responses';
import { answerConditionally, weakTag } from '../common/conditional-get';

/** Canonical `/v1/servers`: the guild resource, its settings, and its audit history. */
@ApiTags('Servers')
@ApiDialect('canonical')
@ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
@Controller('v1/servers')
export class ServersController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get(':id')
  @GuildReader('id')
  @ApiOperation({
    summary: 'Get a server',
    description: 'With `as_of`, the server and its settings as they were then, folded from its events.',
  })
  @ApiMinPosition()
  @ApiAsOf()
  @ApiOk(CanonicalServerResponse, { description: 'The server', headers: ['ETag'] })
  @ApiNotModified()
  @ApiErrors(400, 403, 404, 503)
  async get(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { guildId: id, minPosition } = guildReadOf(request, 'id');
    const asOf = asOfOf(request);
    const guild = await this.queryBus.execute(
      asOf ? new GetGuildAsOfQuery(id, asOf) : new GetGuildQuery(id, minPosition),
    );
    if (!guild) throw new NotFoundException(`server ${id} not found${asOf ? ' as of that moment' : ''}`);
    answerConditionally(request, reply, weakTag(guild.revision));
    return canonicalServerBody(guild);
  }

  @Put(':id')
  @RequireScope('admin')
  @ApiOperation({ summary: 'Register a server or update its profile (admin)', description: 'Idempotent.' })
  @ApiOk(CanonicalServerResponse, { description: 'The server after the write', write: true })
  @ApiErrors(400, 403, 409, 413, 415, 503)
  async register(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: RegisterGuildDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(new RegisterGuildCommand(id, toGuildProfile(body), context));
    return canonicalServerBody(await guildAfterWrite(this.queryBus, reply, id, result));
  }

  @Patch(':id/settings')
  @GuildManager('id')
  @ApiOperation({
    summary: 'Change server settings',
    description: 'Every field optional, at least one; `null` clears a channel.',
  })
  @ApiOk(CanonicalServerResponse, { description: 'The server after the change', write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async changeSettings(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: GuildSettingsDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(
      new ChangeSettingsCommand(id, toSettingsChanges(body), context),
    );
    return canonicalServerBody(await guildAfterWrite(this.queryBus, reply, id, result));
  }

  @Get(':id/events')
  @GuildManager('id')
  @ApiOperation({
    summary: 'Get the audit history of a server',
    description:
      "The guild's whole timeline in global order, oldest first: its settings and membership, player, " +
      'moderation, the keys bound to it and any stream whose events name it; usage facts with ' +
      '`include=usage`. Served from an index kept by a projection; see docs/EVENTS.md.',
  })
  @ApiOk(GuildHistoryResponse, { description: 'One page of events' })
  @ApiErrors(400, 403, 404, 503)
  async history(@Param('id', new SnowflakePipe('id')) id: string, @Query() query: GuildHistoryQueryDto) {
    const page = await this.queryBus.execute(new GetGuildHistoryQuery(id, toHistoryFilter(query)));
    if (!page) throw new NotFoundException(`server ${id} not found`);
    return historyBody(page);
  }
}
