import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Projections } from '#core';
import { startTestApp, type TestApp } from '../support/test-app';

const USER = '437086154215391233';
const OTHER = '437086154215391299';
const BOT = '847291032847';
const NAME = 'Zephyrine#4242';
const REVIEW = 'Zephyrine says this bot rocks';
const LABEL = 'Zephyrine laptop';
const OTHER_NAME = 'Quillon#0001';
const GUILD = '123456789012345678';
const GUILD_KEY_LABEL = 'Zephyrine guild key';

/** Every byte of every file in the data directory (event store, keys, read models, their WALs). */
const rawDataDir = (dir: string): Buffer =>
  Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name))),
  );

describe("erasing a user's personal data (crypto-shredding)", () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    keys.admin = (await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key;
    keys.user = (await t.issueKey(USER, { label: LABEL })).key;
    await t.recordUser(USER, NAME, ['Member']);
    await t.recordUser(OTHER, OTHER_NAME, []);
    await call('PUT', `/v1/bots/${BOT}`, 'admin', { name: 'NexusBot', owner_id: '5647382910' });
    await call('POST', `/v1/bots/${BOT}/approve`, 'admin');
    const review = await call('POST', `/v1/bots/${BOT}/reviews`, 'user', { rating: 5, text: REVIEW });
    assert.equal(review.json().text, REVIEW);
    // A webhook endpoint of the user's guild is told of a key bound to it, label and all; the
    // receiver is unreachable, so the delivery (its body a copy of the event) waits in the log.
    await t.registerGuild(GUILD, { ownerId: USER });
    const hook = await call('POST', `/v1/servers/${GUILD}/webhooks`, 'user', {
      url: 'https://webhooks.invalid/guildhall',
      events: ['ApiKeyIssued'],
    });
    assert.equal(hook.statusCode, 201);
    await t.issueKey(USER, { guildId: GUILD, label: GUILD_KEY_LABEL });
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, key?: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${keys[key]}` } : {} });

  it('given the user is known, when read before erasure, then reads show the name, and the store file does not', async () => {
    assert.equal((await call('GET', `/v1/users/${USER}`, 'admin')).json().username, NAME);
    assert.equal((await call('GET', '/v1/keys', 'user')).json().keys[0].label, LABEL);
    // Sealed on append: the event store's own file never held the plaintext.
    const events = readFileSync(join(t.dataDir, 'events.sqlite'));
    const wal = readFileSync(join(t.dataDir, 'events.sqlite-wal'));
    assert.equal(Buffer.concat([events, wal]).includes(NAME), false);
  });

  it('given a key without admin scope, when it erases, then 403; given a bad id, then 400 naming id', async () => {
    assert.equal((await call('DELETE', `/v1/users/${USER}/personal-data`, 'user')).statusCode, 403);
    const bad = await call('DELETE', '/v1/users/abc/personal-data', 'admin');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /\bid\b/);
  });

  it('given an admin, when the user is erased, then every read shows "[erased]" and other users are untouched', async () => {
    // when
    const res = await call('DELETE', `/v1/users/${USER}/personal-data`, 'admin');
    // then
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      [body.user_id, body.keys_forgotten, body.read_models_rewritten],
      [USER, 1, ['users', 'bots', 'apikeys']],
    );
    assert.equal(res.headers['x-guildhall-position'], String(body.position));
    const user = await call('GET', `/v1/users/${USER}`, 'admin');
    assert.equal(user.json().username, '[erased]');
    assert.deepEqual(user.json().roles, ['Member']);
    assert.equal((await call('GET', '/v1/keys', 'user')).json().keys[0].label, '[erased]');
    const reviews = await call('GET', `/v1/bots/${BOT}/reviews`, 'admin');
    assert.equal(reviews.json().reviews[0].text, '[erased]');
    assert.equal((await call('GET', `/v1/users/${OTHER}`, 'admin')).json().username, OTHER_NAME);
    for (const raw of [user.body, reviews.body]) {
      assert.equal(raw.includes('Zephyrine'), false);
    }
  });

  it('given the erasure, when the read models are rebuilt from zero, then they still show "[erased]"', async () => {
    const projections = t.app.get(Projections);
    for (const name of ['users', 'bots', 'apikeys']) await projections.rebuild(name);
    assert.equal((await call('GET', `/v1/users/${USER}`, 'admin')).json().username, '[erased]');
    assert.equal((await call('GET', `/v1/bots/${BOT}/reviews`, 'admin')).json().reviews[0].text, '[erased]');
    assert.equal((await call('GET', `/v1/users/${OTHER}`, 'admin')).json().username, OTHER_NAME);
  });

  it('given the erasure, when every file of the data directory is read raw, then no byte spells the erased data', async () => {
    t.app.get(Projections).scrubWriteAheadLog();
    const raw = rawDataDir(t.dataDir);
    for (const text of ['Zephyrine', REVIEW, LABEL, GUILD_KEY_LABEL])
      assert.equal(raw.includes(text), false, text);
    // The other user's name is still there (sealed in the store, plaintext in the read model).
    assert.equal(raw.includes(OTHER_NAME), true);
  });

  it('given the user is erased, when they are erased again, then 200 with no key left to forget', async () => {
    const res = await call('DELETE', `/v1/users/${USER}/personal-data`, 'admin');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().keys_forgotten, 0);
  });
});
