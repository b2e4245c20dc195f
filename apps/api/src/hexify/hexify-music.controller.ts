import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  EnqueueTracksCommand,
  GetGuildQuery,
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

/** Hexify API v2 music: the queue and adding to it, as the seed documents them. */
@ApiTags('Hexify v2')
@ApiBearerAuth()
@UseDialect('hexify')
@Controller('v2/servers/:server_id/music')
export class HexifyMusicController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('queue')
  @GuildReader('server_id')
  async queue(
    @Param('server_id', new SnowflakePipe('server_id')) serverId: string,
    @MinPosition() minPosition?: number,
  ) {
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
