import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import type { RegisterBot } from './bot.commands';
import { botDecider } from './bot.decider';
import type { BotMeta } from './bot.events';
import { BOT_ID, INVITE_URL, OWNER_ID, approved, registered, registeredWith } from './bot.fixtures';

const spec = DeciderSpecification.for(botDecider);
const register = (overrides: Partial<RegisterBot> = {}): RegisterBot => ({
  type: 'RegisterBot',
  botId: BOT_ID,
  name: 'AniBot',
  ownerId: OWNER_ID,
  prefix: '!',
  ...overrides,
});
const updateMeta = (changes: Partial<BotMeta>) => ({
  type: 'UpdateBotMeta' as const,
  botId: BOT_ID,
  changes,
});
const approve = { type: 'ApproveBot' as const, botId: BOT_ID };

describe('RegisterBot', () => {
  it('given no history, when registered, then BotRegistered with empty metadata', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('given no history, when registered with metadata, then the metadata is recorded normalized', () => {
    spec
      .given([])
      .when(
        register({ name: ' AniBot ', meta: { tags: [' Anime', 'anime', 'Fun'], shortDescription: ' Hi ' } }),
      )
      .then([registeredWith({ tags: ['anime', 'fun'], shortDescription: 'Hi' })]);
  });

  it('given a registered bot, when registered again alike, then nothing happens (idempotent)', () => {
    spec.given([registered]).when(register()).thenNothing();
  });

  it('given a registered bot, when registered without a prefix, then the prefix is kept', () => {
    spec
      .given([registered])
      .when(register({ prefix: undefined }))
      .thenNothing();
  });

  it('given a registered bot, when its name, owner and tags change, then only the changes are recorded', () => {
    spec
      .given([registered])
      .when(register({ name: 'AniBot 2', ownerId: '1', prefix: null, meta: { tags: ['anime'] } }))
      .then([
        {
          type: 'BotDetailsChanged',
          data: { botId: BOT_ID, changes: { name: 'AniBot 2', ownerId: '1', prefix: null } },
        },
        { type: 'BotMetaUpdated', data: { botId: BOT_ID, changes: { tags: ['anime'] } } },
      ]);
  });

  const refusals: [string, Partial<RegisterBot>, string, string][] = [
    ['a bot id that is no snowflake', { botId: 'anibot' }, 'invalid_bot_id', 'botId'],
    ['a blank name', { name: '   ' }, 'invalid_name', 'name'],
    ['a 33-character name', { name: 'x'.repeat(33) }, 'invalid_name', 'name'],
    ['an owner that is no snowflake', { ownerId: 'me' }, 'invalid_owner_id', 'ownerId'],
    ['a 33-character prefix', { prefix: '!'.repeat(33) }, 'invalid_prefix', 'prefix'],
    [
      'an invite URL for another bot',
      { meta: { inviteUrl: INVITE_URL.replace(BOT_ID, '1') } },
      'invalid_invite_url',
      'inviteUrl',
    ],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`given no history, when registered with ${what}, then it is refused (${code})`, () => {
      spec.given([]).when(register(overrides)).thenThrows('invalid', code, field);
    });
  }
});

describe('ApproveBot', () => {
  it('given no history, when approved, then it is refused as not found', () => {
    spec.given([]).when(approve).thenThrows('not_found', 'bot_not_found');
  });

  it('given a registered bot, when approved, then BotApproved', () => {
    spec.given([registered]).when(approve).then([approved]);
  });

  it('given an approved bot, when approved again, then nothing happens', () => {
    spec.given([registered, approved]).when(approve).thenNothing();
  });
});

describe('UpdateBotMeta', () => {
  const metaUpdated = (changes: Partial<BotMeta>) => ({
    type: 'BotMetaUpdated' as const,
    data: { botId: BOT_ID, changes },
  });

  it('given no history, when metadata changes, then it is refused as not found', () => {
    spec
      .given([])
      .when(updateMeta({ tags: ['x'] }))
      .thenThrows('not_found', 'bot_not_found');
  });

  it('given a bot, when all three fields change, then BotMetaUpdated carries them', () => {
    const changes = { tags: ['anime'], shortDescription: 'Anime lookups', inviteUrl: INVITE_URL };
    spec
      .given([registered])
      .when(updateMeta(changes))
      .then([metaUpdated(changes)]);
  });

  it('given a bot, when only some fields differ, then only those are recorded', () => {
    spec
      .given([registeredWith({ tags: ['anime'] })])
      .when(updateMeta({ tags: ['anime'], shortDescription: 'New' }))
      .then([metaUpdated({ shortDescription: 'New' })]);
  });

  it('given a bot with an invite URL, when it is set to null, then it is cleared', () => {
    spec
      .given([registeredWith({ inviteUrl: INVITE_URL })])
      .when(updateMeta({ inviteUrl: null }))
      .then([metaUpdated({ inviteUrl: null })]);
  });

  it('given a bot, when nothing differs, then nothing happens', () => {
    spec
      .given([registered])
      .when(updateMeta({ tags: [], shortDescription: '' }))
      .thenNothing();
  });

  it('given a bot, when the change names no field, then it is refused as invalid', () => {
    spec.given([registered]).when(updateMeta({})).thenThrows('invalid', 'empty_changes', 'changes');
  });

  it('given a bot, when 10 tags of 30 characters come, then they are accepted', () => {
    const tags = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(30, 't'));
    spec
      .given([registered])
      .when(updateMeta({ tags }))
      .then([metaUpdated({ tags })]);
  });

  it('given a bot, when a 200-character description comes, then it is accepted', () => {
    const shortDescription = 'd'.repeat(200);
    spec
      .given([registered])
      .when(updateMeta({ shortDescription }))
      .then([metaUpdated({ shortDescription })]);
  });

  const urls = [
    `https://discordapp.com/api/oauth2/authorize?client_id=${BOT_ID}&permissions=8&scope=bot`,
    `https://www.discord.com/api/v10/oauth2/authorize?scope=bot+applications.commands&client_id=${BOT_ID}`,
  ];
  for (const inviteUrl of urls) {
    it(`given a bot, when the invite URL is ${inviteUrl}, then it is accepted`, () => {
      spec
        .given([registered])
        .when(updateMeta({ inviteUrl }))
        .then([metaUpdated({ inviteUrl })]);
    });
  }

  const refusals: [string, Partial<BotMeta>, string, string][] = [
    ['11 tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'too_many_tags', 'tags'],
    ['a 31-character tag', { tags: ['t'.repeat(31)] }, 'invalid_tag', 'tags'],
    ['a blank tag', { tags: [' '] }, 'invalid_tag', 'tags'],
    ['tags that are no list', { tags: 'anime' as unknown as string[] }, 'invalid_tags', 'tags'],
    [
      'a 201-character description',
      { shortDescription: 'd'.repeat(201) },
      'invalid_short_description',
      'shortDescription',
    ],
    [
      'an http invite URL',
      { inviteUrl: INVITE_URL.replace('https', 'http') },
      'invalid_invite_url',
      'inviteUrl',
    ],
    [
      'a look-alike host',
      { inviteUrl: INVITE_URL.replace('discord.com', 'discord.com.evil.io') },
      'invalid_invite_url',
      'inviteUrl',
    ],
    [
      'a URL without client_id',
      { inviteUrl: 'https://discord.com/oauth2/authorize?scope=bot' },
      'invalid_invite_url',
      'inviteUrl',
    ],
    [
      'any other https URL',
      { inviteUrl: 'https://anibot.example/invite' },
      'invalid_invite_url',
      'inviteUrl',
    ],
    ['no URL at all', { inviteUrl: 'not a url' }, 'invalid_invite_url', 'inviteUrl'],
  ];
  for (const [what, changes, code, field] of refusals) {
    it(`given a bot, when the change has ${what}, then it is refused (${code})`, () => {
      spec.given([registered]).when(updateMeta(changes)).thenThrows('invalid', code, field);
    });
  }
});
