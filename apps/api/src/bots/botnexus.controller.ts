import {
  BadRequestException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Patch,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  GetBotQuery,
  GetDeveloperQuery,
  UpdateBotMetaCommand,
  UsageRecordingCommandBus,
  type CommandContext,
} from '#core';
import { BotOwner } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { MinPosition } from '../common/min-position';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { BotMetaDto, toMetaChanges } from './bot-meta.dto';
import { botAfterWrite, botProfileBody, developerStatusBody } from './bot.views';
import { DeveloperUsernamePipe } from './developer-username.pipe';
import { BotProfileResponse, DEVELOPER_USERNAME_SCHEMA, DeveloperStatusResponse } from './bot.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiMinPosition, ApiPathParam, ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

/** How long partner directories may keep serving public metadata they mirrored before a change. */
export const META_CACHE_REFRESH_SECONDS = 24 * 60 * 60;

/** BotNexus: bot profiles, their public metadata, and developer status, under the canonical `/v1`. */
@ApiTags('BotNexus')
@ApiDialect('botnexus')
@UseDialect('botnexus')
@Controller('v1')
export class BotNexusController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('bots/:bot_id')
  @ApiOperation({
    summary: 'Get a bot profile',
    description: 'Average latency, server count and uptime, then the public metadata.',
  })
  @ApiSnowflakeParam('bot_id', '847291032847', 'The bot id')
  @ApiMinPosition()
  @ApiOk(BotProfileResponse, { description: 'The bot' })
  @ApiErrors(400, 404, 503)
  async bot(
    @Param('bot_id', new SnowflakePipe('bot_id')) botId: string,
    @MinPosition() minPosition?: number,
  ) {
    const bot = await this.queryBus.execute(new GetBotQuery(botId, minPosition));
    if (!bot) throw new NotFoundException(`bot ${botId} not found`);
    return botProfileBody(bot);
  }

  /**
   * The seed's "24-hour cache refresh": our own reads show the change at once (read-your-writes);
   * the reply is never cached and tells mirrors by when they must have refreshed their copy.
   */
  @Patch('bots/:bot_id/meta')
  @BotOwner('bot_id')
  @ApiOperation({
    summary: 'Update bot metadata (owner or admin)',
    description: 'Tags, short description and invite URL; at least one.',
  })
  @ApiSnowflakeParam('bot_id', '847291032847', 'The bot id')
  @ApiOk(BotProfileResponse, {
    description: 'The bot after the change; never cached',
    write: true,
    headers: ['X-Cache-Refresh-By'],
  })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async updateMeta(
    @Param('bot_id', new SnowflakePipe('bot_id')) botId: string,
    @Body() body: BotMetaDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const changes = toMetaChanges(body);
    if (Object.keys(changes).length === 0) {
      throw new BadRequestException('send at least one of tags, short_description, invite_url');
    }
    const result = await this.commandBus.execute(new UpdateBotMetaCommand(botId, changes, context));
    const refreshBy = new Date(Date.now() + META_CACHE_REFRESH_SECONDS * 1000).toISOString();
    void reply.header('cache-control', 'no-store').header('x-cache-refresh-by', refreshBy);
    return botProfileBody(await botAfterWrite(this.queryBus, reply, botId, result));
  }

  @Get('developers/:username/status')
  @ApiOperation({ summary: 'Get developer status', description: 'Verification badge and API access tier.' })
  @ApiPathParam('username', DEVELOPER_USERNAME_SCHEMA, 'arcdev')
  @ApiMinPosition()
  @ApiOk(DeveloperStatusResponse, { description: 'The developer' })
  @ApiErrors(400, 404, 503)
  async developerStatus(
    @Param('username', DeveloperUsernamePipe) username: string,
    @MinPosition() minPosition?: number,
  ) {
    const developer = await this.queryBus.execute(new GetDeveloperQuery(username, minPosition));
    if (!developer) throw new NotFoundException(`developer ${username} not found`);
    return developerStatusBody(developer);
  }
}
