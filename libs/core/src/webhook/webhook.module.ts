import { Module } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { OutboundModule } from '#outbound';
import {
  ListWebhookDeliveriesHandler,
  RedeliverWebhookHandler,
  SendWebhookTestHandler,
} from './deliveries/webhook-deliveries';
import { WebhookDelivery } from './delivery/webhook-delivery.service';
import { WEBHOOK_CLOCK, systemClock } from './delivery/webhook-clock';
import { GetWebhooksHandler } from './endpoints/get-webhooks';
import {
  CreateWebhookHandler,
  DeleteWebhookHandler,
  DisableWebhookHandler,
  RotateWebhookSecretHandler,
  UpdateWebhookHandler,
} from './endpoints/webhook-command.handlers';
import { WebhookSecretBox } from './secrets/webhook-secret-box';

/** Webhook endpoints (events in `webhooks-{guildId}`) and their delivery (operational rows, not events). */
@Module({
  imports: [OutboundModule],
  providers: [
    {
      provide: WebhookSecretBox,
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) =>
        WebhookSecretBox.open({ key: config.webhooks.secretKey, dataDir: config.dataDir }),
    },
    { provide: WEBHOOK_CLOCK, useValue: systemClock },
    WebhookDelivery,
    CreateWebhookHandler,
    UpdateWebhookHandler,
    RotateWebhookSecretHandler,
    DeleteWebhookHandler,
    DisableWebhookHandler,
    GetWebhooksHandler,
    ListWebhookDeliveriesHandler,
    RedeliverWebhookHandler,
    SendWebhookTestHandler,
  ],
  exports: [WebhookDelivery],
})
export class WebhookModule {}
