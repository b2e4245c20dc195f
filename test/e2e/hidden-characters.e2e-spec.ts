import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus } from '@nestjs/cqrs';
import { ApproveBotCommand, RegisterBotCommand, systemContext } from '#core';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const OWNER = '210987654321098765';
const BOT = '847291032847';

describe('control and invisible characters on the HTTP doors', () => {
  let t: TestApp;
  const keys = { owner: '', admin: '', bot: '' };
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(GUILD);
    keys.owner = (await t.issueKey(OWNER, { tier: 'enterprise' })).key;
    keys.admin = (await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key;
    keys.bot = (await t.issueKey('5647382910', { scopes: [`bot:${BOT}`] })).key;
    const context = systemContext('system', 'test');
    await t.app
      .get(CommandBus)
      .execute(new RegisterBotCommand(BOT, { name: 'Nexus', ownerId: '5647382910' }, context));
    await t.app.get(CommandBus).execute(new ApproveBotCommand(BOT, context));
  });
  after(() => t.close());

  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, key: string, payload: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, payload });

  const refusals: Array<[string, 'POST' | 'PATCH' | 'PUT', string, keyof typeof keys, object, string]> = [
    ['a prefix with NUL', 'PATCH', `/v1/servers/${GUILD}/settings`, 'owner', { prefix: '!\u0000' }, 'prefix'],
    [
      'a Hexify prefix with ESC',
      'POST',
      `/v2/servers/${GUILD}/settings`,
      'owner',
      { prefix: '\u001b[' },
      'prefix',
    ],
    [
      'a filtered word with a zero-width space',
      'PATCH',
      `/v1/servers/${GUILD}/settings`,
      'owner',
      { auto_mod: { word_filter: ['b\u200bad'] } },
      'word_filter',
    ],
    [
      'a guild name with CR/LF',
      'PUT',
      `/v1/servers/${GUILD}`,
      'admin',
      { name: 'x\r\nInjected: yes', owner_id: OWNER, member_count: 5 },
      'name',
    ],
    ['a tag with a bidi override', 'PATCH', `/v1/bots/${BOT}/meta`, 'bot', { tags: ['\u202eevil'] }, 'tags'],
    [
      'review text with a BOM',
      'POST',
      `/v1/bots/${BOT}/reviews`,
      'owner',
      { rating: 5, text: 'fine\ufeff' },
      'text',
    ],
  ];
  for (const [what, method, url, key, payload, field] of refusals) {
    it(`given ${what}, then 400 naming ${field}`, async () => {
      const res = await send(method, url, keys[key], payload);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().message, new RegExp(`${field}.*(control|invisible)`));
    });
  }

  it('given multi-line review text and a description with line breaks, then they are accepted as sent', async () => {
    const review = await send('POST', `/v1/bots/${BOT}/reviews`, keys.owner, {
      rating: 4,
      text: 'good\nfast',
    });
    assert.equal(review.statusCode, 200, review.body);
    assert.equal(review.json().text, 'good\nfast');
    const meta = await send('PATCH', `/v1/bots/${BOT}/meta`, keys.bot, { short_description: 'one\ntwo' });
    assert.equal(meta.statusCode, 200, meta.body);
  });
});
