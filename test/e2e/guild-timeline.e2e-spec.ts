import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSeedMusicLibrary } from '../support/seed-library';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const OTHER = '223456789012345678';

interface HistoryBody {
  events: { type: string; stream: string; position: number; data: Record<string, unknown> }[];
  next_cursor: number | null;
}

describe('GET /v1/servers/{id}/events: the guild’s whole timeline', () => {
  let t: TestApp;
  let owner: string;
  let restoreEnv: () => void;
  let boundKeyId: string;

  before(async () => {
    restoreEnv = await useSeedMusicLibrary();
    t = await startTestApp();
    await t.registerGuild(GUILD);
    await t.registerGuild(OTHER, { ownerId: '999999999999999999' });
    owner = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
    const settings = await t.app.inject({
      method: 'PATCH',
      url: `/v1/servers/${GUILD}/settings`,
      payload: { prefix: '?' },
      headers: { authorization: owner },
    });
    assert.equal(settings.statusCode, 200);
    const queued = await t.app.inject({
      method: 'POST',
      url: `/v1/servers/${GUILD}/music/queue`,
      payload: { query: 'never gonna give you up' },
      headers: { authorization: owner },
    });
    assert.equal(queued.statusCode, 201);
    boundKeyId = (await t.issueKey(HEXIFY_PROFILE.ownerId, { guildId: GUILD })).keyId;
    await t.issueKey('999999999999999999', { guildId: OTHER });
  });
  after(async () => {
    await t.close();
    restoreEnv();
  });

  const history = async (query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${GUILD}/events${query}`,
      headers: { authorization: owner },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<HistoryBody>();
  };

  it('given a settings change, a queued track and a key issued for the guild, then all three appear in order', async () => {
    const { events } = await history();
    assert.deepEqual(
      events.map((event) => event.type),
      ['GuildRegistered', 'SettingsChanged', 'TracksQueued', 'ApiKeyIssued'],
    );
    assert.deepEqual(
      events.map((event) => event.stream),
      [`guild-${GUILD}`, `guild-${GUILD}`, `player-${GUILD}`, `apikey-${boundKeyId}`],
    );
    const positions = events.map((event) => event.position);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
      'global order',
    );
    assert.ok(!events.some((event) => event.data.guildId === OTHER), 'no other guild’s events');
  });

  it('given usage facts from those calls, then they appear only with include=usage, in global order', async () => {
    const withUsage = await history('?include=usage');
    const usage = withUsage.events.filter((event) => event.stream === `usage-${GUILD}`);
    assert.ok(usage.length >= 1, 'the REST writes recorded usage');
    const positions = withUsage.events.map((event) => event.position);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
    assert.equal(withUsage.events.length, (await history()).events.length + usage.length);
  });

  it('given the type filter and paging, then they work across streams', async () => {
    const onlyKeysAndTracks = await history('?type=TracksQueued,ApiKeyIssued');
    assert.deepEqual(
      onlyKeysAndTracks.events.map((event) => event.type),
      ['TracksQueued', 'ApiKeyIssued'],
    );
    const first = await history('?limit=3');
    assert.equal(first.events.length, 3);
    const rest = await history(`?after=${first.next_cursor}`);
    assert.deepEqual(
      rest.events.map((event) => event.type),
      ['ApiKeyIssued'],
    );
    assert.equal(rest.next_cursor, null);
  });

  it('given include set to anything but usage, then 400 names it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${GUILD}/events?include=everything`,
      headers: { authorization: owner },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json<{ message: string }>().message, /include/);
  });
});
