import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  EnqueueTracksCommand,
  GetGuildQuery,
  GetPlayerAsOfQuery,
  GetPlayerQuery,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
} from '#core';
import { GuildManager, GuildReader } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { MinPosition } from '../common/min-position';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { hexifyAddedTrack, hexifyQueueBody } from '../music/music.views';
import { playerAfterWrite } from '../music/player-writes';
import { HexifyPlayDto } from './hexify-music.dto';
import { HexifyPlayResponse, HexifyQueueResponse } from '../music/music.responses';
import { ApiDialect, ApiTrackLookups } from '../openapi/dialect';
import { ApiAsOf, ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { asOfOf, requireGuildAsOf } from '../common/as-of';
import { ApiCreated, ApiErrors, ApiOk } from '../openapi/responses';

/** Hexify API v2 music: the queue and adding to it, as the seed documents them. */
@ApiTags('Hexify v2')
@ApiDialect('hexify')
@ApiSnowflakeParam('server_id', '123456789012345678', 'Discord server ID')
@UseDialect('hexify')
@Controller('v2/servers/:server_id/music')
export class HexifyMusicController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('queue')
  @GuildReader('server_id')
  @ApiOperation({
    summary: 'Get the music queue',
    description: 'With `as_of` (a Guildhall extension), the queue as it was then.',
  })
  @ApiMinPosition()
  @ApiAsOf()
  @ApiOk(HexifyQueueResponse, { description: 'The current track, the queue in play order, and the volume' })
  @ApiErrors(400, 403, 404, 503)
  async queue(
    @Param('server_id', new SnowflakePipe('server_id')) serverId: string,
    @Req() request: FastifyRequest,
    @MinPosition() minPosition?: number,
  ) {
    const asOf = asOfOf(request);
    if (asOf) {
      await requireGuildAsOf(this.queryBus, serverId, asOf);
      return hexifyQueueBody(await this.queryBus.execute(new GetPlayerAsOfQuery(serverId, asOf)));
    }
    await this.requireServer(serverId);
    const player = await this.queryBus.execute(new GetPlayerQuery(serverId, minPosition));
    return hexifyQueueBody(player);
  }

  /**
   * 201 with what was added (`added`: the track, or a playlist's tracks, each with its `url`) and the
   * queue as it is after the write, in the shape of GET …/music/queue.
   */
  @Post('play')
  @GuildManager('server_id')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a song to the queue' })
  @ApiCreated(HexifyPlayResponse, { description: 'What was added, and the queue after', write: true })
  @ApiErrors(
    400,
    403,
    { status: 404, description: 'Unknown server, or nothing found (`code: track_not_found`)' },
    409,
    413,
    415,
    503,
  )
  @ApiTrackLookups('hexify')
  async play(
    @Param('server_id', new SnowflakePipe('server_id')) serverId: string,
    @Body() body: HexifyPlayDto,
    @CurrentKey() key: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.requireServer(serverId);
    const requestedBy = body.requested_by ?? key.ownerId;
    const result = await this.commandBus.execute(
      new EnqueueTracksCommand(serverId, body.query, { requestedBy, source: body.source }, context),
    );
    const player = await playerAfterWrite(this.queryBus, reply, serverId, result);
    return { added: result.tracks.map(hexifyAddedTrack), ...hexifyQueueBody(player) };
  }

  /** Hexify's servers are the registered guilds: the music of an unknown one is a 404, as the server is. */
  private async requireServer(serverId: string): Promise<void> {
    const guild = await this.queryBus.execute(new GetGuildQuery(serverId));
    if (!guild) throw new NotFoundException(`server ${serverId} not found`);
  }
}
