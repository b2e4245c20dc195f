import {
  Body,
  Controller,
  ForbiddenException,
  Headers,
  NotFoundException,
  Post,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ReportActivityCommand,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
} from '#core';
import { GuildsReadModel } from '#projections';
import { UseDialect } from '../auth/dialect';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { parseSubmission } from './analytics-submission';

/** BotNexus: a bot pushes its usage figures for a server. */
@ApiTags('BotNexus')
@ApiBearerAuth()
@UseDialect('botnexus')
@Controller('v1/analytics')
export class BotNexusAnalyticsController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly guilds: GuildsReadModel,
  ) {}

  /** 201 when recorded, 200 when this server already had a report at this timestamp (nothing written). */
  @Post('submit')
  async submit(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentKey() key: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
      throw new UnsupportedMediaTypeException('POST /v1/analytics/submit accepts application/json only');
    }
    const submission = parseSubmission(body, new Date());
    const guild = this.guilds.get(submission.serverId);
    if (!guild) throw new NotFoundException(`server ${submission.serverId} not found`);
    // The server's owner, a key bound to it, an admin, or a bot's key (a bot reports for the servers it is in).
    const allowed =
      key.scopes.includes('admin') ||
      key.guildId === guild.id ||
      (key.guildId === null && key.ownerId === guild.ownerId) ||
      (key.guildId === null && key.scopes.some((scope) => scope.startsWith('bot:')));
    if (!allowed) throw new ForbiddenException(`This API key may not report for server ${guild.id}`);
    const result = await this.commandBus.execute(
      new ReportActivityCommand(guild.id, submission.activeUsers, submission.timestamp, context),
    );
    void reply.status(result.created ? 201 : 200);
    return {
      server_id: guild.id,
      active_users: submission.activeUsers,
      timestamp: result.at,
      created: result.created,
    };
  }
}
