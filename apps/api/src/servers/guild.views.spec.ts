import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fastify from 'fastify';
import type { GuildView } from '#projections';
import { HEXIFY_SERVER_SCHEMA, hexifyServerBody } from './guild.views';

const view: GuildView = {
  id: '123456789012345678',
  name: 'Guild "quoted" \u2028 name',
  ownerId: '210987654321098765',
  memberCount: 1250,
  botCount: 3,
  onlineCount: 42,
  premium: true,
  features: ['music', 'analytics'],
  settings: {
    prefix: '?',
    welcomeChannelId: '111111111111111111',
    modLogChannelId: null,
    autoMod: { enabled: true, spamProtection: false, wordFilter: ['spoiler', 'ünïcode'] },
    timeZone: 'Europe/Paris',
  },
  removedAt: null,
  revision: 7,
  updatedAt: '2026-11-30T06:00:00.000Z',
};

describe('the Hexify server response schema', () => {
  it('given a full view, then Fastify serialises the body with the schema exactly as JSON.stringify does', async () => {
    // given a route answering the body under the schema, as the controller does
    const app = fastify();
    app.get('/server', { schema: { response: { 200: HEXIFY_SERVER_SCHEMA } } }, () => hexifyServerBody(view));
    // when it is requested
    const res = await app.inject({ method: 'GET', url: '/server' });
    // then no field of the body is lost or changed
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, JSON.stringify(hexifyServerBody(view)));
    await app.close();
  });

  it('given the same view twice, then the body is built once and not shared with another view', () => {
    assert.equal(hexifyServerBody(view), hexifyServerBody(view));
    assert.notEqual(hexifyServerBody({ ...view }), hexifyServerBody(view));
  });
});
