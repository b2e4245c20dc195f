import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import { usageDecider } from './usage.decider';
import type { UsageEvent } from './usage.events';

const spec = DeciderSpecification.for(usageDecider);
const GUILD = '123456789012345678';
const guild = { ownerId: '5', memberCount: 1_500, installedReporterBots: [] };
const invocation = {
  type: 'RecordCommandInvocation' as const,
  guildId: GUILD,
  name: 'play',
  category: 'music' as const,
  userId: '111111111111111111',
  actor: 'discord-user:111111111111111111',
  door: 'discord' as const,
};

describe('usage facts', () => {
  it('given anything, when a command invocation without a time is recorded, then it happened now', () => {
    spec
      .given([])
      .when(invocation)
      .then([invoked(SPEC_NOW)]);
  });

  it('given anything, when an invocation carries a past time, then that time is kept in UTC', () => {
    spec
      .given([])
      .when({ ...invocation, at: '2025-12-31T23:00:00+01:00' })
      .then([invoked('2025-12-31T22:00:00.000Z')]);
  });

  const refusals: [string, object, string, string][] = [
    ['an unknown category', { category: 'games' }, 'invalid_category', 'category'],
    ['a name with punctuation', { name: 'play!' }, 'invalid_command_name', 'name'],
    ['a user that is no snowflake', { userId: 'bob' }, 'invalid_user_id', 'userId'],
    ['a time in the future', { at: '2026-01-01T00:00:01Z' }, 'timestamp_in_future', 'at'],
  ];
  for (const [what, change, code, field] of refusals) {
    it(`given anything, when an invocation has ${what}, then it is refused (${code})`, () => {
      spec
        .given([])
        .when({ ...invocation, ...change })
        .thenThrows('invalid', code, field);
    });
  }

  it('given anything, when member activity is recorded, then only ids and the time are kept', () => {
    spec
      .given([])
      .when({ type: 'RecordMemberActivity', guildId: GUILD, userId: '2', channelId: '3' })
      .then([{ type: 'MemberActive', data: { guildId: GUILD, userId: '2', channelId: '3', at: SPEC_NOW } }]);
  });

  it('given anything, when a bot reports activity 4 minutes ahead of our clock, then it is accepted', () => {
    spec
      .given([])
      .when({
        type: 'ReportActivity',
        guildId: GUILD,
        activeUsers: 482,
        timestamp: '2026-01-01T00:04:00Z',
        guild,
      })
      .then([
        {
          type: 'ActivityReported',
          data: { guildId: GUILD, activeUsers: 482, at: '2026-01-01T00:04:00.000Z' },
        },
      ]);
  });

  const reportRefusals: [string, object, string, string][] = [
    ['a time 6 minutes ahead', { timestamp: '2026-01-01T00:06:00Z' }, 'timestamp_in_future', 'timestamp'],
    ['a time 8 days old', { timestamp: '2025-12-24T00:00:00Z' }, 'timestamp_too_old', 'timestamp'],
    ['a negative count', { activeUsers: -1 }, 'invalid_active_users', 'activeUsers'],
    ['a fractional count', { activeUsers: 1.5 }, 'invalid_active_users', 'activeUsers'],
  ];
  for (const [what, change, code, field] of reportRefusals) {
    it(`given anything, when a report has ${what}, then it is refused (${code})`, () => {
      spec
        .given([])
        .when({
          type: 'ReportActivity',
          guildId: GUILD,
          activeUsers: 1,
          timestamp: SPEC_NOW,
          guild,
          ...change,
        })
        .thenThrows('invalid', code, field);
    });
  }
});

/** The event the invocation above causes, at `at`. */
function invoked(at: string): UsageEvent {
  const { type: _type, ...data } = invocation;
  return { type: 'CommandInvoked', data: { ...data, at } };
}
