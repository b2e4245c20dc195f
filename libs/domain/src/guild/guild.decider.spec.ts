import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { guildDecider } from './guild.decider';
import type { GuildProfile } from './guild.events';
import { GUILD_ID, profile, registered } from './guild.fixtures';

const spec = DeciderSpecification.for(guildDecider);
const register = (p: GuildProfile = profile, guildId = GUILD_ID) => ({
  type: 'RegisterGuild' as const,
  guildId,
  profile: p,
});
const update = (changes: Partial<GuildProfile>) => ({
  type: 'UpdateGuild' as const,
  guildId: GUILD_ID,
  changes,
});

describe('RegisterGuild', () => {
  it('given no history, when a guild is registered, then GuildRegistered carries its whole profile', () => {
    spec
      .given([])
      .when(register())
      .then([{ type: 'GuildRegistered', data: { guildId: GUILD_ID, ...profile } }]);
  });

  it('given no history, when the command carries stray properties, then only profile fields are recorded', () => {
    const sloppy = { ...profile, token: 'secret' } as GuildProfile;
    spec
      .given([])
      .when(register(sloppy))
      .then([{ type: 'GuildRegistered', data: { guildId: GUILD_ID, ...profile } }]);
  });

  it('given a registered guild, when it is announced again unchanged, then nothing happens', () => {
    spec.given([registered]).when(register()).thenNothing();
  });

  it('given a registered guild, when announced with features reordered, then nothing happens', () => {
    spec
      .given([registered])
      .when(register({ ...profile, features: ['analytics', 'music', 'moderation'] }))
      .thenNothing();
  });

  it('given a registered guild, when announced with new counts, then GuildUpdated carries only those', () => {
    spec
      .given([registered])
      .when(register({ ...profile, memberCount: 1600, onlineCount: 400 }))
      .then([
        {
          type: 'GuildUpdated',
          data: { guildId: GUILD_ID, changes: { memberCount: 1600, onlineCount: 400 } },
        },
      ]);
  });

  it('given a guild re-announced with changes, when announced the same way again, then nothing happens', () => {
    const changed = { ...profile, name: 'Renamed', premium: false };
    spec
      .given([
        registered,
        { type: 'GuildUpdated', data: { guildId: GUILD_ID, changes: { name: 'Renamed', premium: false } } },
      ])
      .when(register(changed))
      .thenNothing();
  });

  it('given no history, when the name is exactly 100 characters, then it is accepted', () => {
    const p = { ...profile, name: 'x'.repeat(100) };
    spec
      .given([])
      .when(register(p))
      .then([{ type: 'GuildRegistered', data: { guildId: GUILD_ID, ...p } }]);
  });

  const refusals: [string, Partial<GuildProfile> | 'guildId' | 'missing', string, string][] = [
    ['a guild id that is no snowflake', 'guildId', 'invalid_guild_id', 'guildId'],
    ['a profile missing a field', 'missing', 'missing_field', 'onlineCount'],
    ['an empty name', { name: '' }, 'invalid_name', 'name'],
    ['a whitespace-only name', { name: '   ' }, 'invalid_name', 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'invalid_name', 'name'],
    ['an owner id with letters', { ownerId: 'abc' }, 'invalid_owner_id', 'ownerId'],
    ['an owner id of 21 digits', { ownerId: '1'.repeat(21) }, 'invalid_owner_id', 'ownerId'],
    ['a negative member count', { memberCount: -1 }, 'invalid_count', 'memberCount'],
    ['a fractional bot count', { botCount: 1.5 }, 'invalid_count', 'botCount'],
    ['a non-numeric online count', { onlineCount: '3' as unknown as number }, 'invalid_count', 'onlineCount'],
    ['more bots than members', { botCount: 1501 }, 'bot_count_exceeds_members', 'botCount'],
    ['more online than members', { onlineCount: 1501 }, 'online_count_exceeds_members', 'onlineCount'],
    [
      'a premium flag that is no boolean',
      { premium: 'yes' as unknown as boolean },
      'invalid_premium',
      'premium',
    ],
    ['an unknown feature', { features: ['music', 'karaoke'] }, 'unknown_feature', 'features'],
    ['a feature listed twice', { features: ['music', 'music'] }, 'duplicate_feature', 'features'],
    [
      'features that are no list',
      { features: 'music' as unknown as string[] },
      'invalid_features',
      'features',
    ],
  ];
  for (const [what, input, code, field] of refusals) {
    it(`given no history, when registered with ${what}, then it is refused as invalid (${code})`, () => {
      if (input === 'guildId')
        return spec.given([]).when(register(profile, 'guild-1')).thenThrows('invalid', code, field);
      const p =
        input === 'missing'
          ? ({ ...profile, onlineCount: undefined } as unknown as GuildProfile)
          : { ...profile, ...input };
      spec.given([]).when(register(p)).thenThrows('invalid', code, field);
    });
  }

  it('given a registered guild, when re-announced with an invalid profile, then it is refused too', () => {
    spec
      .given([registered])
      .when(register({ ...profile, botCount: 99999 }))
      .thenThrows('invalid', 'bot_count_exceeds_members');
  });
});

describe('UpdateGuild', () => {
  it('given no history, when a guild is updated, then it is refused as not found', () => {
    spec
      .given([])
      .when(update({ name: 'x' }))
      .thenThrows('not_found', 'guild_not_found');
  });

  it('given a registered guild, when some fields change, then GuildUpdated carries only the changed ones', () => {
    spec
      .given([registered])
      .when(update({ name: 'New name', memberCount: 1500, features: ['music'] }))
      .then([
        {
          type: 'GuildUpdated',
          data: { guildId: GUILD_ID, changes: { name: 'New name', features: ['music'] } },
        },
      ]);
  });

  it('given a registered guild, when every field is set to its current value, then nothing happens', () => {
    spec
      .given([registered])
      .when(update({ ...profile }))
      .thenNothing();
  });

  it('given a registered guild, when changes is empty, then it is refused as invalid', () => {
    spec.given([registered]).when(update({})).thenThrows('invalid', 'empty_changes', 'changes');
  });

  it('given a registered guild, when the member count drops below the bot count, then it is refused', () => {
    spec
      .given([registered])
      .when(update({ memberCount: 10 }))
      .thenThrows('invalid', 'bot_count_exceeds_members', 'botCount');
  });

  it('given a registered guild, when members and online drop together consistently, then it is accepted', () => {
    spec
      .given([registered])
      .when(update({ memberCount: 100, onlineCount: 50 }))
      .then([
        { type: 'GuildUpdated', data: { guildId: GUILD_ID, changes: { memberCount: 100, onlineCount: 50 } } },
      ]);
  });

  it('given a registered guild, when online exceeds members, then it is refused', () => {
    spec
      .given([registered])
      .when(update({ onlineCount: 2000 }))
      .thenThrows('invalid', 'online_count_exceeds_members');
  });

  it('given a registered guild, when a field is invalid, then it is refused naming the field', () => {
    spec
      .given([registered])
      .when(update({ ownerId: '12a' }))
      .thenThrows('invalid', 'invalid_owner_id', 'ownerId');
  });

  it('given history with an event type this reader does not know, when updated, then the unknown event is ignored', () => {
    const future = { type: 'GuildBoosted', data: { guildId: GUILD_ID } } as unknown as typeof registered;
    spec
      .given([registered, future])
      .when(update({ premium: false }))
      .then([{ type: 'GuildUpdated', data: { guildId: GUILD_ID, changes: { premium: false } } }]);
  });
});
