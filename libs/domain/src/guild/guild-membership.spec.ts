import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import { guildDecider } from './guild.decider';
import type { GuildEvent } from './guild.events';
import { GUILD_ID, profile, registered } from './guild.fixtures';

const spec = DeciderSpecification.for(guildDecider);
const member = (joined: boolean, bot = false) => ({
  type: 'RecordMembership' as const,
  guildId: GUILD_ID,
  userId: '42',
  bot,
  joined,
});
const data = (bot = false) => ({ guildId: GUILD_ID, userId: '42', bot, at: SPEC_NOW });

describe('RecordMembership', () => {
  it('given no history, when a member joins, then it is refused as not found', () => {
    spec.given([]).when(member(true)).thenThrows('not_found', 'guild_not_found');
  });

  it('given a registered guild, when a member joins, then MemberJoined is recorded at the decision time', () => {
    spec
      .given([registered])
      .when(member(true))
      .then([{ type: 'MemberJoined', data: data() }]);
  });

  it('given a registered guild, when a bot leaves, then MemberLeft says it was a bot', () => {
    spec
      .given([registered])
      .when(member(false, true))
      .then([{ type: 'MemberLeft', data: data(true) }]);
  });

  it('given joins and leaves, when folded, then member and bot counts follow them', () => {
    const events: GuildEvent[] = [
      registered,
      { type: 'MemberJoined', data: data() },
      { type: 'MemberJoined', data: data(true) },
      { type: 'MemberLeft', data: data() },
    ];
    const state = events.reduce(guildDecider.evolve, guildDecider.initialState());
    assert.equal(state.status, 'registered');
    if (state.status !== 'registered') return;
    assert.equal(state.profile.memberCount, profile.memberCount + 1);
    assert.equal(state.profile.botCount, profile.botCount + 1);
  });

  it('given a registered guild, when the time zone is set, then SettingsChanged carries it', () => {
    spec
      .given([registered])
      .when({ type: 'ChangeSettings', guildId: GUILD_ID, changes: { timeZone: 'Europe/Paris' } })
      .then([
        { type: 'SettingsChanged', data: { guildId: GUILD_ID, changes: { timeZone: 'Europe/Paris' } } },
      ]);
  });

  it('given a registered guild, when an unknown time zone is set, then it is refused naming the field', () => {
    spec
      .given([registered])
      .when({ type: 'ChangeSettings', guildId: GUILD_ID, changes: { timeZone: 'Mars/Olympus' } })
      .thenThrows('invalid', 'invalid_time_zone', 'timeZone');
  });
});
