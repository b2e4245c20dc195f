import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IssueApiKeyCommand } from '#core';
import { ACCOUNT_KEY_REFUSALS, planAccountKey } from './account-key';
import { DISCORD_PERMISSIONS, discordCommandContext, type DiscordKeyPlan } from './discord-key-plan';
import { GENKEY_REFUSALS, planGenKey, type GenKeyInvocation } from './genkey';
import { issuedKeyReply, refusalReply } from './key-replies';

const USER = '437086154215391233';
const OWNER = '210987654321098765';
const GUILD = '123456789012345678';
const context = discordCommandContext(USER, 'corr-1');
const SEND_MESSAGES = 1n << 11n;
const KICK_MEMBERS = 1n << 1n;

const genkey = (overrides: Partial<GenKeyInvocation> = {}): DiscordKeyPlan =>
  planGenKey(
    { guildId: GUILD, userId: USER, guildOwnerId: OWNER, memberPermissions: SEND_MESSAGES, ...overrides },
    context,
  );

function issued(plan: DiscordKeyPlan): IssueApiKeyCommand {
  assert.equal(plan.kind, 'issue', plan.kind === 'refuse' ? plan.message : '');
  return (plan as Extract<DiscordKeyPlan, { kind: 'issue' }>).command;
}

describe('/genkey', () => {
  const allowed: [string, Partial<GenKeyInvocation>][] = [
    ['the guild owner without any permission bit', { userId: OWNER, memberPermissions: 0n }],
    ['a member with Manage Server', { memberPermissions: SEND_MESSAGES | DISCORD_PERMISSIONS.MANAGE_GUILD }],
    ['a member with Administrator', { memberPermissions: DISCORD_PERMISSIONS.ADMINISTRATOR }],
    ['a member with every permission', { memberPermissions: (1n << 50n) - 1n }],
  ];
  for (const [who, overrides] of allowed) {
    it(`given ${who}, when /genkey runs in a guild, then a key bound to that user and guild is issued`, () => {
      const command = issued(genkey(overrides));
      assert.ok(command instanceof IssueApiKeyCommand);
      assert.equal(command.ownerId, overrides.userId ?? USER);
      assert.deepEqual(command.options, { guildId: GUILD, tier: 'free', label: 'Discord /genkey' });
      assert.equal(command.context, context);
    });
  }

  const refused: [string, Partial<GenKeyInvocation>, string][] = [
    ['a member with no management permission', {}, GENKEY_REFUSALS.notAllowed],
    [
      'a moderator who may only kick',
      { memberPermissions: KICK_MEMBERS | SEND_MESSAGES },
      GENKEY_REFUSALS.notAllowed,
    ],
    ['a member of a guild whose owner is unknown', { guildOwnerId: null }, GENKEY_REFUSALS.notAllowed],
    [
      'a user in a DM',
      { guildId: null, memberPermissions: DISCORD_PERMISSIONS.ADMINISTRATOR },
      GENKEY_REFUSALS.notInGuild,
    ],
  ];
  for (const [who, overrides, message] of refused) {
    it(`given ${who}, when /genkey runs, then it is refused with a clear message and nothing is dispatched`, () => {
      assert.deepEqual(genkey(overrides), { kind: 'refuse', message });
    });
  }
});

describe('h!api-key', () => {
  it('given a DM, when h!api-key is sent, then a free account key with no guild is issued to the sender', () => {
    const command = issued(planAccountKey({ userId: USER, guildId: null }, context));
    assert.equal(command.ownerId, USER);
    assert.deepEqual(command.options, { guildId: null, tier: 'free', label: 'Discord h!api-key' });
  });

  it('given a guild channel, when h!api-key is sent, then it is refused so no key is posted in public', () => {
    assert.deepEqual(planAccountKey({ userId: USER, guildId: GUILD }, context), {
      kind: 'refuse',
      message: ACCOUNT_KEY_REFUSALS.notInDm,
    });
  });
});

describe('Discord key replies', () => {
  const key = `ghk_0123456789abcdef_${'A'.repeat(43)}`;
  const base = { keyId: '0123456789abcdef', key, ownerId: USER, scopes: [], label: null, position: 3 };

  it('given a guild key, when the reply is built, then it shows the key once, names the guild, warns, and is ephemeral', () => {
    const reply = issuedKeyReply({ ...base, tier: 'free', guildId: GUILD });
    assert.equal(reply.ephemeral, true);
    assert.equal(reply.content.split(key).length - 1, 1);
    assert.match(reply.content, new RegExp(GUILD));
    assert.match(reply.content, /Keep it secret/);
    assert.match(reply.content, /only time it is shown/);
    assert.ok(reply.content.length <= 2000, 'Discord messages hold at most 2000 characters');
  });

  it('given an account key, when the reply is built, then it says the key is for the account and its tier', () => {
    const reply = issuedKeyReply({ ...base, tier: 'premium', guildId: null });
    assert.match(reply.content, /your account \(premium tier\)/);
  });

  it('given a refusal, when the reply is built, then only the asker sees it', () => {
    assert.deepEqual(refusalReply('no'), { content: '❌ no', ephemeral: true });
  });

  it('given a user id, when a Discord context is made, then the user is the actor and Discord the door', () => {
    const made = discordCommandContext(USER);
    assert.deepEqual(made.actor, { kind: 'discord-user', id: USER });
    assert.equal(made.door, 'discord');
    assert.notEqual(made.correlationId, discordCommandContext(USER).correlationId);
  });
});
