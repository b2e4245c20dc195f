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
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

type Build = (id: string, context: CommandContext) => object;

/**
 * Canonical `/v1/servers/:id/music`: now-playing as a resource, and one route per player command.
 * Every write answers 200 with the whole player as it is after the write (see the queue resource).
 */
@ApiTags('Music')
@ApiBearerAuth()
@Controller('v1/servers/:id/music')
export class MusicPlayerController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  /** The current track with its live position; 404 `nothing_playing` when nothing plays. */
  @Get('now-playing')
  @GuildReader('id')
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
  stop(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RestCommandContext() context: CommandContext,
  ) {
    return this.run(reply, id, context, (g, c) => new StopPlayerCommand(g, c));
  }

  @Put('volume')
  @GuildManager('id')
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
