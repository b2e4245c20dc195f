import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventStore } from '#eventstore';
import { GENKEY_REFUSALS } from '#bot/keys/genkey';
import { ACCOUNT_KEY_REFUSALS } from '#bot/keys/account-key';
import { CommandsFixture, EPHEMERAL, type Answer } from '#test/support/discord-commands';

const OTHER_GUILD = '123456789012345678';

const keyIn = (answer: Answer): string => {
  const key = /```\n(ghk_\S+)\n```/.exec(answer.content)?.[1];
  assert.ok(key, `no key in ${answer.content}`);
  return key;
};
const keyIdIn = (answer: Answer): string => /Key id: `([^`]+)`/.exec(answer.content)![1]!;

describe('Discord key commands: /genkey, h!api-key, /keys, /revokekey', () => {
  let t: CommandsFixture;
  before(async () => {
    t = await CommandsFixture.start();
    await t.guildhall.registerGuild(OTHER_GUILD, { name: 'Elsewhere' });
  });
  after(async () => {
    await t?.stop();
  });

  const setVolume = (guildId: string, key: string) =>
    t.http('POST', `/api/v1/${guildId}/volume`, key, { user: { id: t.userId('alice') }, volume: 55 });
  const issuedTo = async (username: string) =>
    (await t.guildhall.app.get(EventStore).readAll())
      .filter((e) => e.type === 'ApiKeyIssued')
      .filter((e) => (e.data as { ownerId: string }).ownerId === t.userId(username));

  it("given an administrator, when /genkey runs, then only they see a key that works on Elixir's write routes for this guild and no other", async () => {
    // when
    const answer = await t.slash({ name: 'genkey', user: 'alice' });
    // then
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    assert.match(answer.content, new RegExp(`server \`${t.guild.id}\` only`));
    const key = keyIn(answer);
    const here = await setVolume(t.guild.id, key);
    assert.equal(here.statusCode, 200, here.body);
    assert.equal(here.json().message, 'Successfully changed the volume to 55.');
    assert.equal((await setVolume(OTHER_GUILD, key)).statusCode, 401);
    const [issued] = await issuedTo('alice');
    assert.equal(issued?.metadata.door, 'discord');
    assert.deepEqual(issued?.metadata.actor, { kind: 'discord-user', id: t.userId('alice') });
  });

  it('given a member with Manage Server but no administrator role, when /genkey runs, then a key is issued too', async () => {
    const key = keyIn(await t.slash({ name: 'genkey', user: 'mike' }));
    assert.equal((await setVolume(t.guild.id, key)).statusCode, 200);
  });

  it('given a member without Manage Server, when /genkey runs, then it is refused ephemerally and no key is issued', async () => {
    const answer = await t.slash({ name: 'genkey', user: 'bob' });
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    assert.equal(answer.content, `❌ ${GENKEY_REFUSALS.notAllowed}`);
    assert.deepEqual(await issuedTo('bob'), []);
  });

  it('given a DM, when h!api-key is sent, then the DM gets an account key that works on Hexify', async () => {
    // given
    const dm = t.discord.state.dmChannel(t.discord.state.users.get(t.userId('bob'))!);
    // when
    const answer = await t.message('bob', 'h!api-key', dm.id);
    // then
    assert.equal(answer.request.params['channel'], dm.id, 'answered in the DM');
    assert.match(answer.content, /your account \(free tier\)/);
    const res = await t.http('GET', `/v2/servers/${t.guild.id}`, keyIn(answer));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().name, 'Tavern');
  });

  it('given a guild channel, when h!api-key is sent, then it is refused there and no key is posted', async () => {
    const before = (await issuedTo('dj')).length;
    const answer = await t.message('dj', 'h!api-key');
    assert.equal(answer.content, `❌ ${ACCOUNT_KEY_REFUSALS.notInDm}`);
    assert.doesNotMatch(answer.content, /ghk_/);
    assert.equal((await issuedTo('dj')).length, before);
  });

  it("given a member's keys, when /keys runs, then only their own are listed, without secrets", async () => {
    const answer = await t.slash({ name: 'keys', user: 'alice' });
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    const lines = answer.content.split('\n').slice(1);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, new RegExp(`server ${t.guild.id} · free tier · Discord /genkey · active`));
    assert.doesNotMatch(answer.content, /ghk_/);
  });

  it("given another member's key, when /revokekey names it, then it is refused; by its owner, then the key stops working", async () => {
    const answer = await t.slash({ name: 'genkey', user: 'olga' });
    const [key, keyId] = [keyIn(answer), keyIdIn(answer)];
    const refused = await t.slash({ name: 'revokekey', user: 'bob', options: { key_id: keyId } });
    assert.equal(refused.flags & EPHEMERAL, EPHEMERAL);
    assert.match(refused.content, /^❌ /);
    assert.equal((await setVolume(t.guild.id, key)).statusCode, 200);
    const revoked = await t.message('olga', `h!revokekey ${keyId}`);
    assert.match(revoked.content, new RegExp(`Key \`${keyId}\` is revoked`));
    assert.equal((await setVolume(t.guild.id, key)).statusCode, 401);
  });
});
