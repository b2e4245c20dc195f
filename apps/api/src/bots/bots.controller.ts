import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApproveBotCommand,
  GetBotCommandsQuery,
  GetBotQuery,
  ListBotReviewsQuery,
  RecordBotReviewCommand,
  RegisterBotCommand,
  SampleBotStatusCommand,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
  afterWrite,
} from '#core';
import { BotOwner, RequireScope } from '../auth/access.decorators';
import { MinPosition, POSITION_HEADER } from '../common/min-position';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { RegisterBotDto, toMetaChanges } from './bot-meta.dto';
import { BotSampleDto, ReviewDto } from './bot-reports.dto';
import { botAfterWrite, botProfileBody, reviewBody } from './bot.views';
import { BotCommandsResponse } from './bot-commands.schemas';
import { BotProfileResponse, ReviewListResponse, ReviewResponse } from './bot.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiNoContent, ApiOk } from '../openapi/responses';

const BotId = () => Param('bot_id', new SnowflakePipe('bot_id'));

/** Canonical `/v1/bots`: what the seeds lack — registration, approval, reviews, health samples. */
@ApiTags('Bots')
@ApiDialect('canonical')
@ApiSnowflakeParam('bot_id', '125367104336691200', 'The bot id')
@Controller('v1/bots')
export class BotsController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Put(':bot_id')
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Register a bot or update it (admin)',
    description: 'Registered bots are not approved yet. Idempotent.',
  })
  // The whole body: its fields' own examples are BotNexus's bot, whose invite URL names another id.
  @ApiBody({
    type: RegisterBotDto,
    examples: {
      anibot: {
        summary: "Bots on Discord's AniBot",
        value: {
          name: 'AniBot',
          owner_id: '437086154215391233',
          tags: ['anime', 'utility'],
          short_description: 'Anime lookups from AniList',
          invite_url: 'https://discord.com/oauth2/authorize?client_id=125367104336691200&scope=bot',
          prefix: '!',
        },
      },
    },
  })
  @ApiOk(BotProfileResponse, { description: 'The bot after the write', write: true })
  @ApiErrors(400, 403, 409, 413, 415, 503)
  async register(
    @BotId() botId: string,
    @Body() body: RegisterBotDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const registration = {
      name: body.name,
      ownerId: body.owner_id,
      prefix: body.prefix,
      meta: toMetaChanges(body),
    };
    const result = await this.commandBus.execute(new RegisterBotCommand(botId, registration, context));
    return botProfileBody(await botAfterWrite(this.queryBus, reply, botId, result));
  }

  @Post(':bot_id/approve')
  @HttpCode(200)
  @RequireScope('admin')
  @ApiOperation({ summary: 'Approve a bot (admin)' })
  @ApiOk(BotProfileResponse, { description: 'The bot after the write', write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async approve(
    @BotId() botId: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(new ApproveBotCommand(botId, context));
    return botProfileBody(await botAfterWrite(this.queryBus, reply, botId, result));
  }

  @Get(':bot_id/reviews')
  @RequireScope('admin')
  @ApiOperation({ summary: 'List the reviews of a bot (admin)', description: 'Oldest first.' })
  @ApiMinPosition()
  @ApiOk(ReviewListResponse, { description: 'The reviews' })
  @ApiErrors(400, 403, 404, 503)
  async reviews(@BotId() botId: string, @MinPosition() minPosition?: number) {
    const reviews = await this.queryBus.execute(new ListBotReviewsQuery(botId, minPosition));
    if (!reviews) throw new NotFoundException(`bot ${botId} not found`);
    return { reviews: reviews.map(reviewBody) };
  }

  /** Any key may review; the reviewer is the key's owner, so nobody reviews in another's name. */
  @Post(':bot_id/reviews')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Review a bot',
    description: "The reviewer is the key's owner; a new review replaces theirs. Approved bots only.",
  })
  @ApiOk(ReviewResponse, { description: 'The review as recorded', write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async review(
    @BotId() botId: string,
    @Body() body: ReviewDto,
    @CurrentKey() key: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = new RecordBotReviewCommand(botId, key.ownerId, body.rating, body.text, context);
    const result = await this.commandBus.execute(command);
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
    const reviews = await this.queryBus.execute(new ListBotReviewsQuery(botId, afterWrite(result.position)));
    const mine = reviews?.find((r) => r.userId === key.ownerId);
    if (!mine) throw new NotFoundException(`bot ${botId} not found`);
    return reviewBody(mine);
  }

  @Post(':bot_id/samples')
  @HttpCode(204)
  @BotOwner('bot_id')
  @ApiOperation({
    summary: "Report a health sample (the bot's key or admin)",
    description: 'A sample at or before the last one is ignored.',
  })
  @ApiNoContent('Recorded', { write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async sample(
    @BotId() botId: string,
    @Body() body: BotSampleDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const sample = {
      latencyMs: body.latency_ms,
      online: body.online,
      commandsOk: body.commands_ok,
      sampledAt: body.sampled_at,
    };
    const result = await this.commandBus.execute(new SampleBotStatusCommand(botId, sample, context));
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
  }

  @Get(':bot_id/commands')
  @ApiOperation({
    summary: 'Get the command list of a bot',
    description: 'As last set through Bots on Discord; both fields null when unset.',
  })
  @ApiMinPosition()
  @ApiOk(BotCommandsResponse, { description: 'The command list' })
  @ApiErrors(400, 404, 503)
  async commands(@BotId() botId: string, @MinPosition() minPosition?: number) {
    if (!(await this.queryBus.execute(new GetBotQuery(botId, minPosition)))) {
      throw new NotFoundException(`bot ${botId} not found`);
    }
    const list = await this.queryBus.execute(new GetBotCommandsQuery(botId));
    return { sort: list?.sort ?? null, commands: list?.commands ?? null };
  }
}
