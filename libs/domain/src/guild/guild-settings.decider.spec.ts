import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { guildDecider } from './guild.decider';
import type { GuildEvent, SettingsChanges } from './guild.events';
import { GUILD_ID, registered } from './guild.fixtures';

const spec = DeciderSpecification.for(guildDecider);
const change = (changes: SettingsChanges) => ({
  type: 'ChangeSettings' as const,
  guildId: GUILD_ID,
  changes,
});
const changed = (changes: SettingsChanges): GuildEvent => ({
  type: 'SettingsChanged',
  data: { guildId: GUILD_ID, changes },
});

describe('ChangeSettings', () => {
  it('given no history, when settings change, then it is refused as not found', () => {
    spec
      .given([])
      .when(change({ prefix: '?' }))
      .thenThrows('not_found', 'guild_not_found');
  });

  it('given a registered guild, when the prefix changes, then SettingsChanged carries only the prefix', () => {
    spec
      .given([registered])
      .when(change({ prefix: '!' }))
      .then([changed({ prefix: '!' })]);
  });

  it('given default settings, when the default prefix is set again, then nothing happens', () => {
    spec
      .given([registered])
      .when(change({ prefix: 'h!' }))
      .thenNothing();
  });

  it('given a changed prefix, when the same prefix is set again, then nothing happens', () => {
    spec
      .given([registered, changed({ prefix: '!' })])
      .when(change({ prefix: '!' }))
      .thenNothing();
  });

  it('given no channels, when channels are set, then both are recorded', () => {
    const channels = { welcomeChannelId: '111111111111111111', modLogChannelId: '222222222222222222' };
    spec
      .given([registered])
      .when(change(channels))
      .then([changed(channels)]);
  });

  it('given a welcome channel, when it is cleared with null, then the null is recorded', () => {
    spec
      .given([registered, changed({ welcomeChannelId: '111111111111111111' })])
      .when(change({ welcomeChannelId: null, modLogChannelId: null }))
      .then([changed({ welcomeChannelId: null })]);
  });

  it('given auto-mod enabled, when enabled and spam protection are sent, then only spam protection changes', () => {
    spec
      .given([registered, changed({ autoMod: { enabled: true } })])
      .when(change({ autoMod: { enabled: true, spamProtection: true } }))
      .then([changed({ autoMod: { spamProtection: true } })]);
  });

  it('given auto-mod changed field by field, when the merged values are sent, then nothing happens', () => {
    spec
      .given([
        registered,
        changed({ autoMod: { enabled: true } }),
        changed({ autoMod: { wordFilter: ['spam'] } }),
      ])
      .when(change({ autoMod: { enabled: true, spamProtection: false, wordFilter: ['spam'] } }))
      .thenNothing();
  });

  it('given no words, when words come with case, spaces and duplicates, then they are stored normalized', () => {
    spec
      .given([registered])
      .when(change({ autoMod: { wordFilter: ['  BadWord ', 'badword', 'Other'] } }))
      .then([changed({ autoMod: { wordFilter: ['badword', 'other'] } })]);
  });

  it('given a word filter, when the same words come reordered in another case, then nothing happens', () => {
    spec
      .given([registered, changed({ autoMod: { wordFilter: ['a', 'b'] } })])
      .when(change({ autoMod: { wordFilter: ['B', 'a'] } }))
      .thenNothing();
  });

  it('given a word filter, when it is emptied, then the empty list is recorded', () => {
    spec
      .given([registered, changed({ autoMod: { wordFilter: ['a'] } })])
      .when(change({ autoMod: { wordFilter: [] } }))
      .then([changed({ autoMod: { wordFilter: [] } })]);
  });

  it('given a registered guild, when 100 words of 50 characters are sent, then they are accepted', () => {
    const words = Array.from({ length: 100 }, (_, i) => `${i}`.padStart(50, 'w'));
    spec
      .given([registered])
      .when(change({ autoMod: { wordFilter: words } }))
      .then([changed({ autoMod: { wordFilter: words } })]);
  });

  const refusals: [string, SettingsChanges, string, string][] = [
    ['an empty changes object', {}, 'empty_changes', 'changes'],
    ['only undefined values', { prefix: undefined }, 'empty_changes', 'changes'],
    ['an empty autoMod object', { autoMod: {} }, 'empty_changes', 'autoMod'],
    ['an autoMod that is no object', { autoMod: true as unknown as object }, 'invalid_auto_mod', 'autoMod'],
    ['an empty prefix', { prefix: '' }, 'invalid_prefix', 'prefix'],
    ['a whitespace-only prefix', { prefix: '   ' }, 'invalid_prefix', 'prefix'],
    ['an 11-character prefix', { prefix: 'x'.repeat(11) }, 'invalid_prefix', 'prefix'],
    [
      'a welcome channel that is no snowflake',
      { welcomeChannelId: '#general' },
      'invalid_welcome_channel_id',
      'welcomeChannelId',
    ],
    [
      'a mod-log channel that is no snowflake',
      { modLogChannelId: '' },
      'invalid_mod_log_channel_id',
      'modLogChannelId',
    ],
    [
      'a non-boolean enabled',
      { autoMod: { enabled: 1 as unknown as boolean } },
      'invalid_auto_mod_enabled',
      'autoMod.enabled',
    ],
    [
      'a non-boolean spam protection',
      { autoMod: { spamProtection: 'on' as unknown as boolean } },
      'invalid_auto_mod_spam_protection',
      'autoMod.spamProtection',
    ],
    [
      'a word filter that is no list',
      { autoMod: { wordFilter: 'spam' as unknown as string[] } },
      'invalid_word_filter',
      'autoMod.wordFilter',
    ],
    [
      '101 words',
      { autoMod: { wordFilter: Array.from({ length: 101 }, (_, i) => `w${i}`) } },
      'too_many_words',
      'autoMod.wordFilter',
    ],
    ['a blank word', { autoMod: { wordFilter: ['ok', '  '] } }, 'invalid_word', 'autoMod.wordFilter'],
    [
      'a 51-character word',
      { autoMod: { wordFilter: ['x'.repeat(51)] } },
      'invalid_word',
      'autoMod.wordFilter',
    ],
    [
      'a word that is no string',
      { autoMod: { wordFilter: [42 as unknown as string] } },
      'invalid_word',
      'autoMod.wordFilter',
    ],
  ];
  for (const [what, changes, code, field] of refusals) {
    it(`given a registered guild, when settings change with ${what}, then it is refused as invalid (${code})`, () => {
      spec.given([registered]).when(change(changes)).thenThrows('invalid', code, field);
    });
  }
});
