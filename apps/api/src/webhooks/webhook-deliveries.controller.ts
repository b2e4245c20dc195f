import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListWebhookDeliveriesQuery,
  RedeliverWebhookCommand,
  SendWebhookTestCommand,
  UsageRecordingCommandBus,
} from '#core';
import { GuildManager } from '../auth/access.decorators';
import { SnowflakePipe } from '../common/snowflake';
import { ApiDialect } from '../openapi/dialect';
import { ApiCreated, ApiErrors, ApiOk } from '../openapi/responses';
import { ApiDeliveryParam, ApiWebhookParams, IdPipe } from './webhook-params';
import { DeliveriesQueryDto } from './webhooks.dto';
import { WebhookDeliveryListResponse, WebhookDeliveryResponse } from './webhooks.responses';
import { deliveryBody, deliveryPageBody } from './webhooks.views';

/**
 * An endpoint's deliveries: the log, and the ones a manager asks for (the same message again, or a
 * test message), which queue behind the endpoint's others (in order) and answer at once; the log
 * shows how they went. Not events: a delivery is operational.
 */
@ApiTags('Webhooks')
@ApiDialect('canonical')
@Controller('v1/servers/:id/webhooks/:webhook_id')
export class WebhookDeliveriesController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('deliveries')
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiOperation({
    summary: "List a webhook endpoint's deliveries",
    description: 'Oldest first: event, attempts, last status code and duration, next retry.',
  })
  @ApiOk(WebhookDeliveryListResponse, { description: 'One page of deliveries' })
  @ApiErrors(400, 403, 404, 503)
  async deliveries(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
    @Query() query: DeliveriesQueryDto,
  ) {
    const page = await this.queryBus.execute(
      new ListWebhookDeliveriesQuery(id, webhookId, query.after ?? -1, query.limit ?? 50),
    );
    if (!page) throw new NotFoundException(`webhook ${webhookId} not found`);
    return deliveryPageBody(page);
  }

  @Post('deliveries/:delivery_id/redeliver')
  @HttpCode(201)
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiDeliveryParam()
  @ApiOperation({
    summary: 'Send a delivery again',
    description:
      'Queues a new delivery of the same message (same `webhook-id`, so receivers can deduplicate).',
  })
  @ApiCreated(WebhookDeliveryResponse, { description: 'The new delivery, pending' })
  @ApiErrors(400, 403, 404, 503)
  async redeliver(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
    @Param('delivery_id', new IdPipe('delivery_id')) deliveryId: string,
  ) {
    return deliveryBody(
      await this.commandBus.execute(new RedeliverWebhookCommand(id, webhookId, deliveryId)),
    );
  }

  @Post('test')
  @HttpCode(201)
  @GuildManager('id')
  @ApiWebhookParams()
  @ApiOperation({
    summary: 'Send a test delivery',
    description: 'Queues a signed `WebhookTest` message to the endpoint, whatever events it subscribed to.',
  })
  @ApiCreated(WebhookDeliveryResponse, { description: 'The test delivery, pending' })
  @ApiErrors(400, 403, 404, 503)
  async test(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Param('webhook_id', new IdPipe('webhook_id')) webhookId: string,
  ) {
    return deliveryBody(await this.commandBus.execute(new SendWebhookTestCommand(id, webhookId)));
  }
}
