import { Body, Controller, NotFoundException, Param, Put, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

/** Canonical `PUT /v1/developers/{username}`: verification, badge and API tier are set by admins. */
@ApiTags('Developers')
@ApiBearerAuth()
@Controller('v1/developers')
export class DevelopersController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Put(':username')
  @RequireScope('admin')
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
