import { Body, Controller, NotFoundException, Param, Put, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  GetDeveloperQuery,
  RegisterDeveloperCommand,
  UsageRecordingCommandBus,
  type CommandContext,
  afterWrite,
} from '#core';
import { RequireScope } from '../auth/access.decorators';
import { POSITION_HEADER } from '../common/min-position';
import { RestCommandContext } from '../common/request-context';
import { developerStatusBody } from './bot.views';
import { RegisterDeveloperDto } from './developer.dto';
import { DeveloperUsernamePipe } from './developer-username.pipe';
import { DEVELOPER_USERNAME_SCHEMA, DeveloperStatusResponse } from './bot.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiPathParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

/** Canonical `PUT /v1/developers/{username}`: verification, badge and API tier are set by admins. */
@ApiTags('Developers')
@ApiDialect('canonical')
@Controller('v1/developers')
export class DevelopersController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Put(':username')
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Register or update a developer (admin)',
    description: 'Idempotent; a badge needs `verified: true`.',
  })
  @ApiPathParam('username', DEVELOPER_USERNAME_SCHEMA, 'arcdev')
  @ApiOk(DeveloperStatusResponse, { description: 'The status as BotNexus shows it', write: true })
  @ApiErrors(400, 403, 409, 413, 415, 503)
  async register(
    @Param('username', DeveloperUsernamePipe) username: string,
    @Body() body: RegisterDeveloperDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const status = {
      verified: body.verified,
      badge: body.badge,
      apiTier: body.api_tier,
      userId: body.user_id,
    };
    const result = await this.commandBus.execute(new RegisterDeveloperCommand(username, status, context));
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
    const developer = await this.queryBus.execute(
      new GetDeveloperQuery(username, afterWrite(result.position)),
    );
    if (!developer) throw new NotFoundException(`developer ${username} not found`);
    return developerStatusBody(developer);
  }
}
