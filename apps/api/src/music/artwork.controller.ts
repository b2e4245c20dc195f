import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MusicTrackResolver } from '#music';
import { Public } from '../auth/access.decorators';
import { ApiDialect } from '../openapi/dialect';
import { ApiPathParam } from '../openapi/params';
import { ApiErrors, ApiOkBinary } from '../openapi/responses';

const IDENTIFIER = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Cover art of local-library tracks: the `thumbnail` of such a track points here
 * (`MUSIC_ARTWORK_URL`). Public, like the thumbnails Elixir's reads return.
 */
@ApiTags('Music')
@ApiDialect('canonical', { keyless: true })
@Public()
@Controller('v1/music/artwork')
export class ArtworkController {
  constructor(private readonly music: MusicTrackResolver) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Get the cover art of a library track',
    description: 'Public, like the thumbnails that point here.',
  })
  @ApiPathParam(
    'id',
    { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
    'dQw4w9WgXcQ',
    "The track identifier: the file's own, or its source's (the seed's YouTube id of a demo track)",
  )
  @ApiOkBinary('image/*', 'The embedded cover, in its own format')
  @ApiErrors(404)
  async artwork(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const art = IDENTIFIER.test(id) ? await this.music.library?.artwork(id) : null;
    if (!art) throw new NotFoundException(`no artwork for ${id}`);
    void reply.header('content-type', art.format).header('cache-control', 'public, max-age=86400');
    return art.data;
  }
}
