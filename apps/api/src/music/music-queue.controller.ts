import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ClearQueueCommand,
  EnqueueTracksCommand,
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

/** Canonical `/v1/servers/:id/music/queue`: the queue as a resource. Every write answers with the player. */
@ApiTags('Music')
@ApiBearerAuth()
@Controller('v1/servers/:id/music/queue')
export class MusicQueueController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @GuildReader('id')
  async get(@Param('id', new SnowflakePipe('id')) id: string, @MinPosition() minPosition?: number) {
    return canonicalPlayerBody(id, await this.queryBus.execute(new GetPlayerQuery(id, minPosition)));
  }

  /** 201 with `kind` (track or playlist), `added` and the player after the write. */
  @Post()
  @GuildManager('id')
  @HttpCode(201)
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
  async shuffle(
    @Param('id', new SnowflakePipe('id')) id: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.after(reply, id, await this.commandBus.execute(new ShuffleQueueCommand(id, context)));
  }

  @Delete(':track_id')
  @GuildManager('id')
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
