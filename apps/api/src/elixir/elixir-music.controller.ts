import { Body, Controller, Get, HttpCode, HttpException, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  EnqueueTracksCommand,
  GetNowPlayingQuery,
  JoinVoiceChannelCommand,
  SetVolumeCommand,
  StopPlayerCommand,
  UsageRecordingCommandBus,
  type CommandContext,
} from '#core';
import { GuildManager, Public } from '../auth/access.decorators';
import { UseDialect } from '../auth/dialect';
import { MinPosition } from '../common/min-position';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { elixirTrackBody } from '../music/music.views';
import { elixirBody, queryField, snowflakeField, volumeField } from './elixir-body';

/**
 * Elixir Music's API: reads are public; writes need a key bound to the guild (401 otherwise, as the
 * document says). Bodies are read by hand because the fields are spelled `user.id` and `channel.id`.
 */
@ApiTags('Elixir Music')
@UseDialect('elixir')
@Controller('api/v1/:guild_id')
export class ElixirMusicController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('join')
  @ApiBearerAuth()
  @GuildManager('guild_id')
  @HttpCode(200)
  async join(
    @Param('guild_id', new SnowflakePipe('guild.id')) guild: string,
    @Body() raw: unknown,
    @RestCommandContext() context: CommandContext,
  ) {
    const body = elixirBody(raw, ['channel.id', 'user.id']);
    const channel = snowflakeField(body, 'channel.id');
    const user = snowflakeField(body, 'user.id');
    await this.commandBus.execute(new JoinVoiceChannelCommand(guild, channel, user, context));
    return { guild, channel, user, message: 'Successfully joined the voice channel.' };
  }

  @Post('volume')
  @ApiBearerAuth()
  @GuildManager('guild_id')
  @HttpCode(200)
  async volume(
    @Param('guild_id', new SnowflakePipe('guild.id')) guild: string,
    @Body() raw: unknown,
    @RestCommandContext() context: CommandContext,
  ) {
    const body = elixirBody(raw, ['user.id', 'volume']);
    const user = snowflakeField(body, 'user.id');
    const volume = volumeField(body);
    await this.commandBus.execute(new SetVolumeCommand(guild, volume, context));
    return { guild, user, message: `Successfully changed the volume to ${volume}.` };
  }

  /** One track object for a track, an array for a playlist; 404 when nothing is found, 400 for a bad query. */
  @Post('play')
  @ApiBearerAuth()
  @GuildManager('guild_id')
  @HttpCode(200)
  async play(
    @Param('guild_id', new SnowflakePipe('guild.id')) guild: string,
    @Body() raw: unknown,
    @RestCommandContext() context: CommandContext,
  ) {
    const body = elixirBody(raw, ['user.id', 'query']);
    const requestedBy = snowflakeField(body, 'user.id');
    const query = queryField(body);
    const result = await this.commandBus.execute(
      new EnqueueTracksCommand(guild, query, { requestedBy }, context),
    );
    const tracks = result.tracks.map((t) => elixirTrackBody(t));
    return result.kind === 'playlist' ? tracks : tracks[0];
  }

  @Post('stop')
  @ApiBearerAuth()
  @GuildManager('guild_id')
  @HttpCode(200)
  async stop(
    @Param('guild_id', new SnowflakePipe('guild.id')) guild: string,
    @Body() raw: unknown,
    @RestCommandContext() context: CommandContext,
  ) {
    const user = snowflakeField(elixirBody(raw ?? {}, ['user.id']), 'user.id');
    await this.commandBus.execute(new StopPlayerCommand(guild, context));
    return { guild, user, message: 'Successfully stopped the player.' };
  }

  /** The current track with its live position (also while paused); 410 Gone when nothing plays. */
  @Get('nowplaying')
  @Public()
  async nowPlaying(
    @Param('guild_id', new SnowflakePipe('guild.id')) guild: string,
    @MinPosition() minPosition?: number,
  ) {
    const now = await this.queryBus.execute(new GetNowPlayingQuery(guild, minPosition));
    if (!now) throw new HttpException('No track is currently playing in this guild.', 410);
    return elixirTrackBody(now.track, now.positionMs);
  }
}
