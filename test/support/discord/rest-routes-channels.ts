import { MessageFlags, type APIUser } from 'discord-api-types/v10';
import { throwError } from './rest-routes-core';
import { DiscordError, invalidField, unknown, type Route, type RouteContext } from './rest-router';

/** Channels, messages (send, fetch, edit, delete) and DM channels. */
export function channelRoutes(): Route[] {
  return [
    { method: 'GET', pattern: '/channels/:channel', handle: (ctx) => ({ body: channelOf(ctx).channel }) },
    {
      method: 'POST',
      pattern: '/channels/:channel/messages',
      handle: (ctx) => ({ body: postMessage(ctx, channelOf(ctx).channel.id, ctx.state.bot) }),
    },
    {
      method: 'GET',
      pattern: '/channels/:channel/messages/:message',
      handle: (ctx) => ({ body: messageOf(ctx) }),
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channel/messages/:message',
      handle: (ctx) => {
        const message = messageOf(ctx);
        if (message.author.id !== ctx.state.bot.id)
          throw new DiscordError(403, 50005, 'Cannot edit a message authored by another user');
        return { body: editMessage(ctx, message) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channel/messages/:message',
      handle: (ctx) => {
        const message = messageOf(ctx);
        ctx.state.messages.delete(message.id);
        const deleted = { id: message.id, channel_id: message.channel_id, guild_id: message.guild_id };
        ctx.gateway.echo(message.guild_id ?? null, 'MESSAGE_DELETE', deleted);
        return {};
      },
    },
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      handle: (ctx) => {
        const user = ctx.state.users.get(String(ctx.body['recipient_id']));
        if (!user) throw invalidField('recipient_id', 'NUMBER_TYPE_COERCE', 'Value is not snowflake.');
        return { body: ctx.state.dmChannel(user) };
      },
    },
  ];
}

export function channelOf(ctx: RouteContext) {
  return ctx.state.channel(ctx.params['channel']!) ?? throwError(unknown.channel());
}

function messageOf(ctx: RouteContext) {
  const message = ctx.state.messages.get(ctx.params['message']!);
  if (!message || message.channel_id !== ctx.params['channel']) throw unknown.message();
  return message;
}

const MAX_CONTENT = 2000;

/** Discord's checks on a message body: at most 2,000 characters, and not empty. */
export function validateMessageBody(body: Record<string, unknown>): string {
  const content = body['content'] ?? '';
  if (typeof content !== 'string') throw invalidField('content', 'BASE_TYPE_BAD_TYPE', 'Must be a string.');
  if (content.length > MAX_CONTENT) {
    throw invalidField('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CONTENT} or fewer in length.`);
  }
  const nonEmpty = (key: string) => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
  if (!content && !['embeds', 'attachments', 'components', 'sticker_ids'].some(nonEmpty) && !body['poll']) {
    throw new DiscordError(400, 50006, 'Cannot send an empty message');
  }
  return content;
}

/** Stores a message the bot (or a webhook) posts and echoes MESSAGE_CREATE unless it is ephemeral. */
export function postMessage(ctx: RouteContext, channelId: string, author: APIUser, body = ctx.body) {
  const content = validateMessageBody(body);
  const message = ctx.state.createMessage(channelId, author, content, body);
  if (!((Number(body['flags'] ?? 0) & MessageFlags.Ephemeral) !== 0)) {
    ctx.gateway.echo(message.guild_id ?? null, 'MESSAGE_CREATE', ctx.state.gatewayMessage(message));
  }
  return message;
}

export function editMessage(ctx: RouteContext, message: ReturnType<typeof messageOf>) {
  const content = ctx.body['content'] === undefined ? message.content : validateMessageBody(ctx.body);
  const edited = { ...message, ...ctx.body, content, edited_timestamp: new Date().toISOString() };
  ctx.state.messages.set(message.id, edited as typeof message);
  if (!((Number(edited.flags ?? 0) & MessageFlags.Ephemeral) !== 0)) {
    ctx.gateway.echo(message.guild_id ?? null, 'MESSAGE_UPDATE', ctx.state.gatewayMessage(edited));
  }
  return edited;
}
