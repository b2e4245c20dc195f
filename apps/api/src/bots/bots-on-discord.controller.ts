import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
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

/**
 * Bots on Discord's bot API: each route needs the bot's own key (`Authorization: KEY`) and has its own
 * limit per bot; every error body carries `message`.
 */
@ApiTags('Bots on Discord')
@ApiHeader({ name: 'Authorization', description: 'the bot API key, without a scheme', required: true })
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
  @ApiBody({
    schema: { type: 'object', properties: { sort: { type: 'string' }, commands: { type: 'array' } } },
  })
  async commands(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: unknown,
    @RestCommandContext() context: CommandContext,
  ): Promise<void> {
    await this.commandBus.execute(new SetBotCommandsCommand(id, body, context));
  }
}
