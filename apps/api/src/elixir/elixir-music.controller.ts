import { Body, Controller, Get, HttpCode, HttpException, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import {
  ApiElixirBody,
  ELIXIR_PLAY_EXAMPLES,
  ELIXIR_PLAY_SCHEMA,
  ElixirJoinResponse,
  ElixirMessageResponse,
  ElixirTrackResponse,
} from './elixir.schemas';
import { ApiDialect, ApiKeyOptional, ApiTrackLookups } from '../openapi/dialect';
import { ApiMinPosition, ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk, type ErrorOverride } from '../openapi/responses';

/**
 * Elixir Music's API: reads are public; writes need a key bound to the guild (401 otherwise, as the
 * document says). Bodies are read by hand because the fields are spelled `user.id` and `channel.id`.
 */

/** The errors every Elixir write can answer: its key is bound to one guild, so 401 covers another guild's. */
function ApiElixirWriteErrors(...more: ErrorOverride[]) {
  return ApiErrors(
    400,
    { status: 401, description: 'No key, an unknown or revoked one, or one not associated with this guild' },
    ...more,
    409,
    413,
    415,
    503,
  );
}

@ApiTags('Elixir Music')
@ApiDialect('elixir')
@ApiSnowflakeParam('guild_id', '766045633697021973', '`guild.id` in the document: the guild')
@UseDialect('elixir')
@Controller('api/v1/:guild_id')
export class ElixirMusicController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('join')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Connect to a voice channel' })
  @ApiElixirBody('channel.id', 'user.id')
  @ApiOk(ElixirJoinResponse, { description: 'Joined (also when already in that channel)' })
  @ApiElixirWriteErrors()
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
  @ApiOperation({ summary: 'Change the volume', description: 'An int between 0 and 100, inclusive.' })
  @ApiElixirBody('user.id', 'volume')
  @ApiOk(ElixirMessageResponse, { description: 'Changed' })
  @ApiElixirWriteErrors()
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
  @ApiOperation({
    summary: 'Play a track or playlist',
    description: 'A track URL or search text; the first result plays.',
  })
  @ApiElixirBody('user.id', 'query')
  @ApiOk(ElixirTrackResponse, {
    description: 'The track queued, or an array of them for a playlist',
    schema: ELIXIR_PLAY_SCHEMA,
    examples: ELIXIR_PLAY_EXAMPLES,
  })
  @ApiElixirWriteErrors({ status: 404, description: 'Nothing found (`code: track_not_found`)' })
  @ApiTrackLookups('elixir')
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
  @ApiOperation({
    summary: 'Stop the player',
    description: 'Ends the track, clears the queue and leaves the channel.',
  })
  @ApiElixirBody('user.id')
  @ApiOk(ElixirMessageResponse, { description: 'Stopped (also when idle)' })
  @ApiElixirWriteErrors()
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
  @ApiKeyOptional()
  @ApiOperation({ summary: 'Get the current track', description: 'Public; also while paused.' })
  @ApiMinPosition()
  @ApiOk(ElixirTrackResponse, { description: 'The current track with its live position' })
  @ApiErrors(400, 410, 503)
  async nowPlaying(
    @Param('guild_id', new SnowflakePipe('guild.id')) guild: string,
    @MinPosition() minPosition?: number,
  ) {
    const now = await this.queryBus.execute(new GetNowPlayingQuery(guild, minPosition));
    if (!now) throw new HttpException('No track is currently playing in this guild.', 410);
    return elixirTrackBody(now.track, now.positionMs);
  }
}
