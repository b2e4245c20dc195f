import type { OutgoingHttpHeaders } from 'node:http';
import {
  Controller,
  Get,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GetGuildHistoryQuery, GuildEventHub, type GuildHistoryPage } from '#core';
import { GuildManager } from '../../auth/access.decorators';
import type { RequestWithPrincipal } from '../../common/request-context';
import { SnowflakePipe } from '../../common/snowflake';
import { ApiDialect } from '../../openapi/dialect';
import { ApiSnowflakeParam } from '../../openapi/params';
import { ApiErrors } from '../../openapi/responses';
import { GuildEventStreamQueryDto, resumePoint } from './event-stream.dto';
import { SseConnection, type CatchUpPage } from './sse-connection';
import { STREAMS_RETRY_AFTER_SECONDS, SseStreams } from './sse-streams';
import { ApiEventStream, ApiTooManyStreams } from './event-stream.openapi';

/** Events read per catch-up page. */
const CATCH_UP_PAGE = 200;

/** `GET /v1/servers/{id}/events/stream`: the guild's timeline as Server-Sent Events, then live. */
@ApiTags('Servers')
@ApiDialect('canonical')
@ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
@Controller('v1/servers')
export class EventsStreamController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly hub: GuildEventHub,
    private readonly streams: SseStreams,
  ) {}

  @Get(':id/events/stream')
  @GuildManager('id')
  @ApiOperation({
    summary: 'Stream the events of a server live (Server-Sent Events)',
    description:
      'The same events as `GET /v1/servers/{id}/events`, oldest first, then live as they are written. ' +
      "Each message's `id:` is the event's global position and `event:` its type; `data:` is one item " +
      'of the events page. Resume with `Last-Event-ID` (or `?after=`): nothing is missed or repeated. ' +
      'A comment line every SSE_HEARTBEAT_SECONDS; a client that stops reading is cut off past ' +
      'SSE_MAX_BUFFERED_BYTES; at most SSE_MAX_STREAMS_PER_KEY streams per key. See docs/EVENTS.md.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The `id:` of the last message received: the stream resumes right after it',
    schema: { type: 'string', example: '42' },
  })
  @ApiEventStream()
  @ApiTooManyStreams()
  @ApiErrors(400, 403, 404, 503)
  async stream(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Query() query: GuildEventStreamQueryDto,
    @Req() request: RequestWithPrincipal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const after = resumePoint(request.headers['last-event-id'], query.after);
    if (!this.hub.live)
      throw new ServiceUnavailableException('live events need RUN_PROJECTIONS in this process');
    const types = query.type ? new Set(query.type.split(',')) : undefined;
    const includeUsage = query.include === 'usage';
    const read = (from: number): Promise<GuildHistoryPage | null> =>
      this.queryBus.execute(
        new GetGuildHistoryQuery(id, {
          after: from,
          types: types && [...types],
          includeUsage,
          limit: CATCH_UP_PAGE,
        }),
      );
    const page: CatchUpPage = async (from) => (await read(from)) ?? { events: [], nextCursor: null };
    reply.header('Retry-After', STREAMS_RETRY_AFTER_SECONDS);
    const release = this.streams.acquire(request.principal?.actor.id ?? request.ip);
    reply.removeHeader('Retry-After');
    const connection = new SseConnection(reply.raw, {
      guildId: id,
      includeUsage,
      types,
      after,
      maxBufferedBytes: this.streams.config.maxBufferedBytes,
      onEnd: (reason) => {
        unsubscribe();
        release();
        this.streams.ended(connection, reason);
      },
    });
    // Subscribed before the index is read: whatever is committed from here on reaches the live queue.
    const unsubscribe = this.hub.subscribe(connection);
    let first: GuildHistoryPage | null;
    try {
      first = await read(after);
    } catch (error) {
      unsubscribe();
      release();
      throw error;
    }
    if (!first) {
      unsubscribe();
      release();
      throw new NotFoundException(`server ${id} not found`);
    }
    if (connection.closed) return;
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.flushHeaders();
    this.streams.add(connection);
    await connection.catchUp(first, page).catch((error: unknown) => connection.abort(String(error)));
  }
}
