import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  GetNowPlayingQuery,
  JoinVoiceChannelCommand,
  LeaveVoiceChannelCommand,
  PausePlaybackCommand,
  PlayPreviousCommand,
  ResumePlaybackCommand,
  SeekTrackCommand,
  SetFairShareCommand,
  SetLoopModeCommand,
  SetVolumeCommand,
  SkipTrackCommand,
  StopPlayerCommand,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
  type CommandResult,
} from '#core';
import { GuildManager, GuildReader } from '../auth/access.decorators';
import { MinPosition } from '../common/min-position';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { FairShareDto, JoinDto, LoopDto, SeekDto, SkipDto, VolumeDto } from './music.dto';
import { canonicalPlayback, canonicalPlayerBody, canonicalTrack } from './music.views';
import { playerAfterWrite } from './player-writes';
import { ApiPlayerWrite, NowPlayingReadingResponse } from './music.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

type Build = (id: string, context: CommandContext) => object;

/**
 * Canonical `/v1/servers/:id/music`: now-playing as a resource, and one route per player command.
 * Every write answers 200 with the whole player as it is after the write (see the queue resource).
 */
@ApiTags('Music')
@ApiDialect('canonical')
@ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
@Controller('v1/servers/:id/music')
export class MusicPlayerController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  /** The current track with its live position; 404 `nothing_playing` when nothing plays. */
  @Get('now-playing')
  @GuildReader('id')
  @ApiOperation({ summary: 'Get the current track' })
  @ApiMinPosition()
  @ApiOk(NowPlayingReadingResponse, { description: 'The current track and its live position' })
  @ApiErrors(
    400,
    403,
    {
      status: 404,
      description: 'Nothing is playing (`code: nothing_playing`)',
      message: 'nothing is playing',
    },
    503,
  )
  async nowPlaying(@Param('id', new SnowflakePipe('id')) id: string, @MinPosition() minPosition?: number) {
    const now = await this.queryBus.execute(new GetNowPlayingQuery(id, minPosition));
    if (!now) throw new NotFoundException({ message: 'nothing is playing', code: 'nothing_playing' });
    return {
      track: canonicalTrack(now.track),
      position_ms: now.positionMs,
      paused: now.paused,
      is_playing: now.playback.isPlaying,
      playback: canonicalPlayback(now.playback),
    };
  }

  @Put('voice-channel')
  @GuildManager('id')
  @ApiPlayerWrite('Join a voice channel')
  join(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: JoinDto,
    @CurrentKey() key: ApiKeyPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    const by = body.requested_by ?? key.ownerId;
    return this.run(reply, id, context, (g, c) => new JoinVoiceChannelCommand(g, body.channel_id, by, c));
  }

  @Delete('voice-channel')
  @GuildManager('id')
  @ApiPlayerWrite('Leave the voice channel', '409 `not_connected` when not in one.')
  leave(
    @Param('id', new SnowflakePipe('id')) id: string,
    @CurrentKey() key: ApiKeyPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new LeaveVoiceChannelCommand(g, key.ownerId, c));
  }

  @Post('pause')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Pause playback')
  pause(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new PausePlaybackCommand(g, c));
  }

  @Post('resume')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Resume playback')
  resume(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new ResumePlaybackCommand(g, c));
  }

  @Post('skip')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Skip the current track', 'With `track_id`, only if that track is still the current one.')
  @ApiBody({
    type: SkipDto,
    required: false,
    // Whatever plays first: a track id is made at enqueue, so no example can name the current one.
    examples: {
      current: { summary: 'Skip whatever plays', value: {} },
      only_if: { summary: 'Skip only if this track still plays', value: { track_id: 'b3c1f0e2a9d84c7e' } },
    },
  })
  skip(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: SkipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new SkipTrackCommand(g, c, body.track_id));
  }

  @Post('previous')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Play the previous track')
  previous(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new PlayPreviousCommand(g, c));
  }

  @Post('stop')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Stop: end the track and clear the queue')
  stop(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new StopPlayerCommand(g, c));
  }

  @Put('volume')
  @GuildManager('id')
  @ApiPlayerWrite('Set the volume')
  volume(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: VolumeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new SetVolumeCommand(g, body.volume, c));
  }

  @Post('seek')
  @GuildManager('id')
  @HttpCode(200)
  @ApiPlayerWrite('Seek within the current track', '400 past its end; 409 `not_seekable` for a stream.')
  seek(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: SeekDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new SeekTrackCommand(g, body.position_ms, c));
  }

  @Put('loop')
  @GuildManager('id')
  @ApiPlayerWrite('Set the loop mode')
  loop(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: LoopDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new SetLoopModeCommand(g, body.mode, c));
  }

  @Put('fair-share')
  @GuildManager('id')
  @ApiPlayerWrite('Turn fair share on or off', 'Interleaves the queue by requester.')
  fairShare(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: FairShareDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new SetFairShareCommand(g, body.enabled, c));
  }

  private async run(reply: FastifyReply, id: string, context: CommandContext, build: Build) {
    const result: CommandResult = await this.commandBus.execute(build(id, context) as never);
    return canonicalPlayerBody(id, await playerAfterWrite(this.queryBus, reply, id, result));
  }
}
