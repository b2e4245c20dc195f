import { InteractionResponseType, MessageFlags, MessageType, type APIMessage } from 'discord-api-types/v10';
import { editMessage, postMessage } from './rest-routes-channels';
import { DiscordError, invalidField, unknown, type Route, type RouteContext } from './rest-router';
import type { StoredInteraction } from './state';

/** Interaction tokens stay valid for followups and edits this long after the interaction. */
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/**
 * The interaction callback (`POST /interactions/{id}/{token}/callback`) and the interaction webhook
 * (followups, `@original` fetch/edit/delete). These are authorised by the interaction token, not the bot token.
 */
export function interactionRoutes(responseWindowMs: number): Route[] {
  const webhookMessage = '/webhooks/:webhook/:token/messages/:message';
  return [
    {
      method: 'POST',
      pattern: '/interactions/:interaction/:token/callback',
      auth: 'none',
      handle: (ctx) => callback(ctx, responseWindowMs),
    },
    {
      method: 'POST',
      pattern: '/webhooks/:webhook/:token',
      auth: 'none',
      handle: (ctx) => {
        const interaction = byToken(ctx);
        if (interaction.callbackType === undefined) throw unknown.webhook();
        const message = postMessage(ctx, interaction.channelId, ctx.state.bot, {
          ...ctx.body,
          webhook_id: ctx.state.application.id,
        });
        return ctx.query.get('wait') === 'true' ? { body: message } : {};
      },
    },
    {
      method: 'GET',
      pattern: webhookMessage,
      auth: 'none',
      handle: (ctx) => ({ body: webhookMessageOf(ctx) }),
    },
    {
      method: 'PATCH',
      pattern: webhookMessage,
      auth: 'none',
      handle: (ctx) => {
        const interaction = byToken(ctx);
        const message = webhookMessageOf(ctx);
        const flags = (message.flags ?? 0) & ~MessageFlags.Loading;
        const edited = editMessage({ ...ctx, body: { ...ctx.body, flags } }, message);
        if (message.id === interaction.original?.id) interaction.original = edited;
        return { body: edited };
      },
    },
    {
      method: 'DELETE',
      pattern: webhookMessage,
      auth: 'none',
      handle: (ctx) => {
        const message = webhookMessageOf(ctx);
        ctx.state.messages.delete(message.id);
        return {};
      },
    },
  ];
}

function callback(ctx: RouteContext, responseWindowMs: number) {
  const interaction = ctx.state.interactions.get(ctx.params['interaction']!);
  if (!interaction || interaction.token !== ctx.params['token']) throw unknown.interaction();
  if (Date.now() - interaction.createdAt > responseWindowMs) throw unknown.interaction();
  if (interaction.callbackType !== undefined) {
    throw new DiscordError(400, 40060, 'Interaction has already been acknowledged.');
  }
  const type = Number(ctx.body['type']);
  const data = (ctx.body['data'] ?? {}) as Record<string, unknown>;
  let message: APIMessage | undefined;
  if (type === InteractionResponseType.ChannelMessageWithSource) {
    message = postMessage(ctx, interaction.channelId, ctx.state.bot, reply(ctx, interaction, data));
  } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
    const flags = (Number(data['flags'] ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading;
    message = ctx.state.createMessage(
      interaction.channelId,
      ctx.state.bot,
      '',
      reply(ctx, interaction, { flags }),
    );
  } else if (type === InteractionResponseType.Modal) {
    if (typeof data['custom_id'] !== 'string' || typeof data['title'] !== 'string') {
      throw invalidField('data.custom_id', 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  } else {
    throw invalidField('type', 'INTERACTION_CALLBACK_TYPE_INVALID', 'Invalid callback type for a command.');
  }
  interaction.callbackType = type;
  interaction.original = message;
  if (ctx.query.get('with_response') !== 'true') return {};
  const ephemeral = Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral);
  return {
    body: {
      interaction: {
        ...{
          id: interaction.id,
          type: 2,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
        },
        ...{
          response_message_loading: Boolean((message?.flags ?? 0) & MessageFlags.Loading),
          response_message_ephemeral: ephemeral,
        },
      },
      resource: { type, ...(message ? { message } : {}) },
    },
  };
}

function reply(ctx: RouteContext, interaction: StoredInteraction, data: Record<string, unknown>) {
  return {
    ...data,
    type: MessageType.ChatInputCommand,
    webhook_id: ctx.state.application.id,
    application_id: ctx.state.application.id,
    interaction_metadata: {
      id: interaction.id,
      type: 2,
      user: interaction.user,
      authorizing_integration_owners: {},
    },
  };
}

function byToken(ctx: RouteContext): StoredInteraction {
  if (ctx.params['webhook'] !== ctx.state.application.id) throw unknown.webhook();
  const interaction = [...ctx.state.interactions.values()].find((i) => i.token === ctx.params['token']);
  if (!interaction || Date.now() - interaction.createdAt > TOKEN_LIFETIME_MS) throw unknown.webhook();
  return interaction;
}

function webhookMessageOf(ctx: RouteContext) {
  const interaction = byToken(ctx);
  const id = ctx.params['message'] === '@original' ? interaction.original?.id : ctx.params['message'];
  const message = id ? ctx.state.messages.get(id) : undefined;
  if (
    !message ||
    message.webhook_id !== ctx.state.application.id ||
    message.channel_id !== interaction.channelId
  ) {
    throw unknown.message();
  }
  return message;
}
