import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ClearQueueCommand,
  EnqueueTracksCommand,
  GetPlayerAsOfQuery,
  GetPlayerQuery,
  MoveTrackCommand,
  RemoveTrackCommand,
  ShuffleQueueCommand,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
  type CommandResult,
} from '#core';
import { GuildManager, GuildReader } from '../auth/access.decorators';
import { MinPosition } from '../common/min-position';
import { WireFields } from '../common/wire-names';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { EnqueueDto, MoveTrackDto } from './music.dto';
import { canonicalPlayerBody, canonicalTrack } from './music.views';
import { playerAfterWrite } from './player-writes';
import { ApiPlayerWrite, EnqueueResponse, PlayerResponse, TRACK_ID_SCHEMA } from './music.responses';
import { ApiDialect, ApiTrackLookups } from '../openapi/dialect';
import { ApiAsOf, ApiMinPosition, ApiPathParam, ApiSnowflakeParam } from '../openapi/params';
import { asOfOf, requireGuildAsOf } from '../common/as-of';
import { ApiCreated, ApiErrors, ApiOk } from '../openapi/responses';

/** Canonical `/v1/servers/:id/music/queue`: the queue as a resource. Every write answers with the player. */
@ApiTags('Music')
@ApiDialect('canonical')
@ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
@Controller('v1/servers/:id/music/queue')
export class MusicQueueController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @GuildReader('id')
  @ApiOperation({
    summary: 'Get the player and its queue',
    description:
      "With `as_of`, the player as its events left it then; playback is the log's account at that moment.",
  })
  @ApiMinPosition()
  @ApiAsOf()
  @ApiOk(PlayerResponse, { description: 'The player' })
  @ApiErrors(400, 403, { status: 404, description: 'With `as_of`: the server did not exist then' }, 503)
  async get(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Req() request: FastifyRequest,
    @MinPosition() minPosition?: number,
  ) {
    const asOf = asOfOf(request);
    if (!asOf)
      return canonicalPlayerBody(id, await this.queryBus.execute(new GetPlayerQuery(id, minPosition)));
    await requireGuildAsOf(this.queryBus, id, asOf);
    return canonicalPlayerBody(id, await this.queryBus.execute(new GetPlayerAsOfQuery(id, asOf)));
  }

  /** 201 with `kind` (track or playlist), `added` and the player after the write. */
  @Post()
  @GuildManager('id')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add tracks to the queue',
    description: 'A URL or search text; a playlist adds all its tracks.',
  })
  @ApiCreated(EnqueueResponse, { description: 'What was added, and the player after', write: true })
  @ApiErrors(
    400,
    403,
    { status: 404, description: 'Unknown server, or nothing found (`code: track_not_found`)' },
    409,
    413,
    415,
    503,
  )
  @ApiTrackLookups('canonical')
  async enqueue(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: EnqueueDto,
    @CurrentKey() key: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const options = {
      requestedBy: body.requested_by ?? key.ownerId,
      source: body.source,
      placement: body.placement,
    };
    const result = await this.commandBus.execute(new EnqueueTracksCommand(id, body.query, options, context));
    const player = await this.after(reply, id, result);
    return { kind: result.kind, added: result.tracks.map(canonicalTrack), ...player };
  }

  @Delete()
  @GuildManager('id')
  @ApiPlayerWrite('Clear the queue')
  async clear(
    @Param('id', new SnowflakePipe('id')) id: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.after(reply, id, await this.commandBus.execute(new ClearQueueCommand(id, context)));
  }

  @Post('shuffle')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Shuffle the queue')
  async shuffle(
    @Param('id', new SnowflakePipe('id')) id: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.after(reply, id, await this.commandBus.execute(new ShuffleQueueCommand(id, context)));
  }

  @Delete(':track_id')
  @GuildManager('id')
  @ApiPlayerWrite('Remove a queued track')
  @ApiPathParam('track_id', TRACK_ID_SCHEMA, '5b1e0c8a-8d4f-4b7e-9f0a-1c2d3e4f5a6b')
  async remove(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('track_id') trackId: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.after(reply, id, await this.commandBus.execute(new RemoveTrackCommand(id, trackId, context)));
  }

  /** Moves a queued track to `index` of the stored queue (0 plays next). */
  @Patch(':track_id')
  @GuildManager('id')
  @WireFields({ toIndex: 'index' })
  @ApiPlayerWrite('Move a queued track', '400 for an index outside the queue.')
  @ApiPathParam('track_id', TRACK_ID_SCHEMA, '5b1e0c8a-8d4f-4b7e-9f0a-1c2d3e4f5a6b')
  async move(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('track_id') trackId: string,
    @Body() body: MoveTrackDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(new MoveTrackCommand(id, trackId, body.index, context));
    return this.after(reply, id, result);
  }

  private async after(reply: FastifyReply, id: string, result: CommandResult) {
    return canonicalPlayerBody(id, await playerAfterWrite(this.queryBus, reply, id, result));
  }
}
