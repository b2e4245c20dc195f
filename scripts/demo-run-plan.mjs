// How the documentation checks (newman-check.mjs, swagger-ui-check.mjs) run every operation's own
// example, one after another, against one demo server — and the few places where that cannot mean
// "every example gets its documented success", with the reason.

/**
 * Operations whose example takes away what other examples need (the playing track, the queued
 * tracks, the voice channel, a key): run after all the others, in this order.
 */
export const RUN_LAST = [
  'MusicQueueController_move',
  'MusicQueueController_remove',
  'MusicPlayerController_skip',
  'MusicPlayerController_previous',
  'MusicQueueController_clear',
  'MusicPlayerController_leave',
  'MusicPlayerController_stop',
  'ElixirMusicController_stop',
  'KeysController_revoke',
  // Deleting the endpoint the other webhook examples were given; erasing a user's personal data.
  'WebhooksController_remove',
  'PersonalDataController_erase',
];

/**
 * Operations neither check can run to an end: the live stream never finishes by design (its
 * behaviour is tested in test/e2e/events-stream.e2e-spec.ts). Left out of the newman run and the
 * browser check, with this reason printed.
 */
export const ENDLESS = {
  EventsStreamController_stream: 'a Server-Sent Events stream stays open until the client leaves',
};

/**
 * Path parameters whose documented example names something the server makes itself (a queue entry's
 * id at enqueue, a key's id at issue), which no demo can hold. Swagger UI sends the example and gets
 * the documented 404; newman is given a real one (see realIds).
 */
export const MADE_BY_THE_SERVER = {
  MusicQueueController_move: {
    param: 'track_id',
    status: 404,
    reason: 'queue entry ids are made at enqueue',
  },
  MusicQueueController_remove: {
    param: 'track_id',
    status: 404,
    reason: 'queue entry ids are made at enqueue',
  },
  KeysController_revoke: { param: 'key_id', status: 404, reason: 'key ids are made at issue' },
  ...Object.fromEntries(
    [
      'WebhooksController_get',
      'WebhooksController_update',
      'WebhooksController_remove',
      'WebhooksController_rotate',
      'WebhookDeliveriesController_deliveries',
      'WebhookDeliveriesController_test',
    ].map((id) => [id, { param: 'webhook_id', status: 404, reason: 'webhook ids are made at create' }]),
  ),
  WebhookDeliveriesController_redeliver: {
    param: ['webhook_id', 'delivery_id'],
    status: 404,
    reason: 'webhook and delivery ids are made by the server',
  },
};

/** Which demo key each tag's operations are called with (the collection's key variables, the Swagger UI authorization). */
export const DEMO_KEY_OF_TAG = {
  'Hexify v2': 'hexify',
  'Hush Bot': 'hush',
  BotNexus: 'botnexus',
  'Bots on Discord': 'botsondiscord',
  'Elixir Music': 'elixir',
};
/** The canonical routes need the admin scope for most writes; the demo's Hush key has it. */
export const DEMO_ADMIN_KEY = 'hush';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of the document as `{ operationId, method, path, tag }`, in the order the checks run them. */
export function operationsInRunOrder(document) {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operationId: item[method].operationId,
      method,
      path,
      tag: item[method].tags?.[0],
    })),
  );
  const last = (op) => RUN_LAST.indexOf(op.operationId);
  return [
    ...operations.filter((op) => last(op) < 0 && !ENDLESS[op.operationId]),
    ...RUN_LAST.map((id) => operations.find((op) => op.operationId === id)),
  ];
}

/**
 * Real values for MADE_BY_THE_SERVER on this demo server: the two tracks queued behind Hexify's
 * playing one (move the first to the front, then remove it) and a key issued for the occasion.
 */
export async function realIds(url, keys, issueKeyId) {
  const webhook = await madeWebhook(url, keys[DEMO_ADMIN_KEY]);
  const res = await fetch(`${url}/v1/servers/123456789012345678/music/queue`, {
    headers: { authorization: `Bearer ${keys[DEMO_ADMIN_KEY]}` },
  });
  const queued = (await res.json()).queue;
  if (!queued?.length) throw new Error(`the demo's queue has no queued track: ${res.status}`);
  return {
    MusicQueueController_move: queued[0].track_id,
    MusicQueueController_remove: queued[0].track_id,
    KeysController_revoke: await issueKeyId(),
    ...Object.fromEntries(
      Object.entries(MADE_BY_THE_SERVER)
        .filter(([, made]) => made.param === 'webhook_id')
        .map(([id]) => [id, webhook.id]),
    ),
    WebhookDeliveriesController_redeliver: [webhook.id, webhook.deliveryId],
  };
}

/** An endpoint of Hexify's demo guild and one test delivery of it, made the way a client would. */
async function madeWebhook(url, key) {
  const base = `${url}/v1/servers/123456789012345678/webhooks`;
  const post = async (path, body) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST webhooks${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { id } = await post('', { url: 'https://example.com/guildhall/webhooks', events: ['*'] });
  const delivery = await post(`/${id}/test`, {});
  return { id, deliveryId: delivery.id };
}
