import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CheckBotReviewQuery,
  GetBotQuery,
  ReportGuildCountCommand,
  SetBotCommandsCommand,
  UsageRecordingCommandBus,
  type CommandContext,
} from '#core';
import { BotOwner } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { RouteRateLimit } from '../auth/rate-limit.policies';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { GuildCountDto, ReviewCheckQueryDto } from './bot-reports.dto';
import { BOD_COMMANDS_POLICY, BOD_GUILD_COUNT_POLICY, BOD_REVIEW_POLICY } from './bod-rate-limits';
import { BotCommandsInput } from './bot-commands.schemas';
import { ReviewExistsResponse } from './bot.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiNoContent, ApiOk } from '../openapi/responses';

/**
 * Bots on Discord's bot API: each route needs the bot's own key (`Authorization: KEY`) and has its own
 * limit per bot; every error body carries `message`.
 */
@ApiTags('Bots on Discord')
@ApiDialect('bod')
@ApiSnowflakeParam('id', '125367104336691200', 'The bot id')
@UseDialect('bod')
@Controller('bot-api/bots')
export class BotsOnDiscordController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  /** 404 both for an unknown bot and for one not approved yet, as the seed says. */
  @Post(':id/guilds')
  @HttpCode(204)
  @BotOwner('id')
  @RouteRateLimit(BOD_GUILD_COUNT_POLICY, 'id')
  @ApiOperation({ summary: 'Update guild count', description: '2 requests per 4 minutes per bot.' })
  @ApiNoContent('Recorded')
  @ApiErrors(
    400,
    403,
    {
      status: 404,
      description: 'Unknown bot, or one not approved yet',
      message: 'bot 125367104336691200 is not approved',
    },
    409,
    413,
    415,
    503,
  )
  async guildCount(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: GuildCountDto,
    @RestCommandContext() context: CommandContext,
  ): Promise<void> {
    await this.commandBus.execute(new ReportGuildCountCommand(id, body.guildCount, context));
  }

  @Get(':id/review')
  @BotOwner('id')
  @RouteRateLimit(BOD_REVIEW_POLICY, 'id')
  @ApiOperation({
    summary: 'Check review',
    description: 'Whether a user has reviewed the bot. 20 requests per 10 s per bot.',
  })
  @ApiOk(ReviewExistsResponse, { description: 'Whether the review exists' })
  @ApiErrors(400, 403, 404)
  async review(@Param('id', new SnowflakePipe('id')) id: string, @Query() query: ReviewCheckQueryDto) {
    if (!(await this.queryBus.execute(new GetBotQuery(id))))
      throw new NotFoundException(`bot ${id} not found`);
    return { exists: await this.queryBus.execute(new CheckBotReviewQuery(id, query.owner)) };
  }

  /** The body goes to the domain as sent: it checks every limit and words the 400 in the seed's style. */
  @Post(':id/commands')
  @HttpCode(204)
  @BotOwner('id')
  @RouteRateLimit(BOD_COMMANDS_POLICY, 'id')
  @ApiOperation({
    summary: 'Update commands',
    description: '10 requests per hour per bot. `commands: null` unsets the list.',
  })
  @ApiBody({ type: BotCommandsInput })
  @ApiNoContent('Recorded (sending the same list again records nothing)')
  @ApiErrors(
    {
      status: 400,
      description: "Invalid data: `message` in the seed's style, `field` the offending element",
      message: 'Command arg types must be a string with the value "required" or "optional"',
    },
    403,
    404,
    409,
    413,
    415,
    503,
  )
  async commands(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: unknown,
    @RestCommandContext() context: CommandContext,
  ): Promise<void> {
    await this.commandBus.execute(new SetBotCommandsCommand(id, body, context));
  }
}
