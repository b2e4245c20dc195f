import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { LOOP_MODES } from '#domain';
import { ApiSnowflake } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

/**
 * Response classes of the canonical and Hexify music routes. music.views.ts builds the bodies; its
 * canonical ones are typed against these classes, so a field added there and not here fails the build.
 */

// ── canonical ───────────────────────────────────────────────────────────────────────────────────────

export class TrackResponse {
  @ApiProperty({
    format: 'uuid',
    example: '5b1e0c8a-8d4f-4b7e-9f0a-1c2d3e4f5a6b',
    description: 'This queue entry',
  })
  track_id!: string;
  @ApiProperty({ example: 'Never Gonna Give You Up' }) title!: string;
  @ApiProperty({ example: 'Rick Astley' }) author!: string;
  @ApiProperty({ type: Number, example: 213, description: 'seconds; 0 for a live stream' })
  duration_sec!: number;
  @ApiProperty({ example: 'https://youtube.com/watch?v=dQw4w9WgXcQ' }) uri!: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg' })
  thumbnail!: string | null;
  @ApiProperty({ example: false }) is_stream!: boolean;
  @ApiProperty({ example: 'dQw4w9WgXcQ' }) identifier!: string;
  @ApiProperty({ example: 'youtube', description: 'the source that resolved it' }) source!: string;
  @ApiSnowflake({ example: '123456789012345678' }) requested_by!: string;
}

export class NowPlayingResponse {
  @ApiProperty({ type: TrackResponse }) track!: TrackResponse;
  @ApiProperty({ type: 'integer', example: 45_000, description: 'live position in ms' }) position_ms!: number;
  @ApiProperty({ example: false }) paused!: boolean;
}

/** The last voice fault; null once a reconnect or a join cleared it. */
export class VoiceFaultResponse {
  @ApiProperty({
    enum: [
      'socket_closed',
      'udp_silent',
      'server_moved',
      'endpoint_removed',
      'adapter_unavailable',
      'reconnect_failed',
    ],
    example: 'socket_closed',
  })
  cause!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 4015,
    description: "the voice socket's close code",
  })
  close_code!: number | null;
  @ApiProperty({ example: true, description: 'the worker is trying again and holds the track meanwhile' })
  reconnecting!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-11-30T12:00:00.000Z' }) since!: string;
}

/** What is heard and why: the worker's own reading where it runs, else the log's last measure. */
export class PlaybackResponse {
  @ApiProperty({ enum: ['idle', 'playing', 'paused', 'waiting_for_voice', 'no_worker'], example: 'playing' })
  state!: string;
  @ApiProperty({
    enum: ['worker', 'log'],
    nullable: true,
    example: 'worker',
    description:
      "worker: frames sent by this process's player; log: the last recorded position plus the time since",
  })
  source!: string | null;
  @ApiProperty({ type: VoiceFaultResponse, nullable: true }) voice_fault!: VoiceFaultResponse | null;
}

/** `GET /v1/servers/{id}/music/now-playing`: the track, its position and what is heard. */
export class NowPlayingReadingResponse extends NowPlayingResponse {
  @ApiProperty({ example: true, description: 'audio is going out on a ready voice connection' })
  is_playing!: boolean;
  @ApiProperty({ type: PlaybackResponse }) playback!: PlaybackResponse;
}

export class CurrentTrackResponse extends NowPlayingResponse {
  @ApiProperty({
    format: 'date-time',
    example: '2026-01-01T12:00:00.000Z',
    description: 'when audio (re)started',
  })
  started_at!: string;
  @ApiProperty({ type: 'integer', example: 0, description: 'position in ms at started_at' })
  start_offset_ms!: number;
}

/** The whole player of `/v1/servers/{id}/music`: what every music write answers with. */
export class PlayerResponse {
  @ApiSnowflake({ example: '123456789012345678' }) guild_id!: string;
  @ApiSnowflake({ example: '987654321098765432', nullable: true, description: 'null when not connected' })
  voice_channel_id!: string | null;
  @ApiProperty({ type: CurrentTrackResponse, nullable: true }) now_playing!: CurrentTrackResponse | null;
  @ApiProperty({ example: true, description: 'audio is going out on a ready voice connection' })
  is_playing!: boolean;
  @ApiProperty({ type: PlaybackResponse }) playback!: PlaybackResponse;
  @ApiProperty({ type: [TrackResponse], description: 'in play order (fair share applied)' })
  queue!: TrackResponse[];
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 75 }) volume!: number;
  @ApiProperty({ enum: LOOP_MODES, example: 'off' }) loop!: string;
  @ApiProperty({ example: false }) fair_share!: boolean;
  @ApiProperty({ type: [TrackResponse], description: 'played tracks, oldest first' })
  history!: TrackResponse[];
  @ApiProperty({
    type: 'integer',
    example: 12,
    description: "Revision of the player's stream; -1 before its first event",
  })
  revision!: number;
}

/** `POST /v1/servers/{id}/music/queue`: what was added, and the player after. */
export class EnqueueResponse extends PlayerResponse {
  @ApiProperty({ enum: ['track', 'playlist'], example: 'track' }) kind!: string;
  @ApiProperty({ type: [TrackResponse] }) added!: TrackResponse[];
}

export const TRACK_ID_SCHEMA: SchemaObject = {
  type: 'string',
  description: 'The `track_id` of a queued track',
};

/**
 * A canonical player command: 200 with the player after the write, and the refusals every player
 * write shares (409 with `code` when the player's state does not allow it: `nothing_playing`,
 * `not_connected`, `already_paused`…).
 */
export const ApiPlayerWrite = (summary: string, description?: string) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    ApiOk(PlayerResponse, { description: 'The player after the write', write: true }),
    ApiErrors(400, 403, 404, 409, 413, 415, 503),
  );

// ── Hexify ──────────────────────────────────────────────────────────────────────────────────────────

export class HexifyCurrentTrackResponse {
  @ApiProperty({ example: 'Never Gonna Give You Up' }) title!: string;
  @ApiProperty({ example: 'Rick Astley' }) artist!: string;
  @ApiProperty({ type: Number, example: 213, description: 'seconds' }) duration!: number;
  @ApiProperty({ type: 'integer', example: 45, description: 'whole seconds' }) position!: number;
  @ApiProperty({ example: 'https://youtube.com/watch?v=dQw4w9WgXcQ' }) url!: string;
}

export class HexifyQueueEntryResponse {
  @ApiProperty({ example: 'Bohemian Rhapsody' }) title!: string;
  @ApiProperty({ example: 'Queen' }) artist!: string;
  @ApiProperty({ type: Number, example: 354 }) duration!: number;
  @ApiSnowflake({ example: '123456789012345678' }) requested_by!: string;
}

/** Hexify's `GET /v2/servers/{server_id}/music/queue`. */
export class HexifyQueueResponse {
  @ApiProperty({ type: HexifyCurrentTrackResponse, nullable: true })
  current_track!: HexifyCurrentTrackResponse | null;
  @ApiProperty({ type: [HexifyQueueEntryResponse] }) queue!: HexifyQueueEntryResponse[];
  @ApiProperty({ example: true }) is_playing!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 75 }) volume!: number;
}

export class HexifyAddedTrackResponse extends HexifyQueueEntryResponse {
  @ApiProperty({ example: 'https://youtube.com/watch?v=dQw4w9WgXcQ' }) url!: string;
}

/** Hexify's `POST /v2/servers/{server_id}/music/play`: what was added, and the queue after. */
export class HexifyPlayResponse extends HexifyQueueResponse {
  @ApiProperty({ type: [HexifyAddedTrackResponse] }) added!: HexifyAddedTrackResponse[];
}
