import {
  BadRequestException,
  NotFoundException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CreateWebhookCommand,
  DeleteWebhookCommand,
  GetWebhooksQuery,
  RotateWebhookSecretCommand,
  UpdateWebhookCommand,
  UsageRecordingCommandBus,
  type CommandContext,
  type CommandResult,
} from '#core';
import { GuildManager } from '../auth/access.decorators';
import { POSITION_HEADER } from '../common/min-position';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiCreated, ApiErrors, ApiNoContent, ApiOk } from '../openapi/responses';
import { ApiWebhookParams, IdPipe } from './webhook-params';
import { CreateWebhookDto, UpdateWebhookDto, toEndpointInput } from './webhooks.dto';
import { webhookBody } from './webhooks.views';
import { WebhookListResponse, WebhookResponse, WebhookWithSecretResponse } from './webhooks.responses';

const WRITE_ERRORS = [400, 403, 404, 409, 413, 415, 503] as const;

/**
 * Canonical `/v1/servers/{id}/webhooks`: a server's Standard Webhooks endpoints, for its manager.
 * Each change is an event in the server's history; deliveries are operational records, not events.
 * Deliveries (list, redeliver, test) live in webhook-deliveries.controller.ts.
 */
@ApiTags('Webhooks')
@ApiDialect('canonical')
@Controller('v1/servers/:id/webhooks')
export class WebhooksController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @GuildManager('id')
  @ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
  @ApiOperation({
    summary: 'Create a webhook endpoint',
    description: 'Answers the signing secret once. At most 10 endpoints per server (409 past that).',
  })
  @ApiCreated(WebhookWithSecretResponse, { description: 'The endpoint and its secret', write: true })
  @ApiErrors(...WRITE_ERRORS)
  async create(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: CreateWebhookDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { url, events, description } = body;
    const created = await this.commandBus.execute(
      new CreateWebhookCommand(id, { url, events, description }, context),
    );
    return { ...(await this.afterWrite(reply, id, created.webhookId, created)), secret: created.secret };
  }

  @Get()
  @GuildManager('id')
  @ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
  @ApiOperation({ summary: "List a server's webhook endpoints", description: 'Never shows a secret.' })
  @ApiOk(WebhookListResponse, { description: 'The endpoints, oldest first' })
  @ApiErrors(400, 403, 404, 503)
  async list(@Param('id', new SnowflakePipe('id')) id: string) {
    const webhooks = await this.queryBus.execute(new GetWebhooksQuery(id));
    return { webhooks: webhooks.map(webhookBody) };
  }

  @Get(':webhook_id')
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiOperation({ summary: 'Get a webhook endpoint' })
  @ApiOk(WebhookResponse, { description: 'The endpoint' })
  @ApiErrors(400, 403, 404, 503)
  async get(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
  ) {
    return webhookBody(await this.find(id, webhookId));
  }

  @Patch(':webhook_id')
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiOperation({
    summary: 'Change a webhook endpoint',
    description:
      'url, events, description, enabled: at least one. `enabled: true` re-enables a disabled endpoint.',
  })
  @ApiOk(WebhookResponse, { description: 'The endpoint after the change', write: true })
  @ApiErrors(...WRITE_ERRORS)
  async update(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
    @Body() body: UpdateWebhookDto,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = toEndpointInput(body);
    if (Object.keys(input).length === 0) {
      throw new BadRequestException('send at least one of url, events, description, enabled');
    }
    const result = await this.commandBus.execute(new UpdateWebhookCommand(id, webhookId, input, context));
    return this.afterWrite(reply, id, webhookId, result);
  }

  @Delete(':webhook_id')
  @HttpCode(204)
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiOperation({
    summary: 'Delete a webhook endpoint',
    description: 'Its pending deliveries are cancelled.',
  })
  @ApiNoContent('Deleted', { write: true })
  @ApiErrors(400, 403, 404, 409, 503)
  async remove(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(new DeleteWebhookCommand(id, webhookId, context));
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
  }

  @Post(':webhook_id/rotate-secret')
  @HttpCode(200)
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiOperation({
    summary: "Rotate a webhook endpoint's secret",
    description:
      'Answers the new secret once. For 24 hours the old secret keeps signing beside it: `webhook-signature` carries both.',
  })
  @ApiOk(WebhookWithSecretResponse, { description: 'The endpoint and its new secret', write: true })
  @ApiErrors(400, 403, 404, 409, 503)
  async rotate(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const rotated = await this.commandBus.execute(new RotateWebhookSecretCommand(id, webhookId, context));
    return { ...(await this.afterWrite(reply, id, webhookId, rotated)), secret: rotated.secret };
  }

  private async find(guildId: string, webhookId: string) {
    const webhooks = await this.queryBus.execute(new GetWebhooksQuery(guildId));
    const found = webhooks.find((webhook) => webhook.webhookId === webhookId);
    if (!found) throw new NotFoundException(`webhook ${webhookId} not found`);
    return found;
  }

  /** The endpoint as its stream shows it after the write (read from the store: always current). */
  private async afterWrite(reply: FastifyReply, guildId: string, webhookId: string, result: CommandResult) {
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
    return webhookBody(await this.find(guildId, webhookId));
  }
}
