import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import type { ActivityReporter, ReportedGuild } from './activity-report.rules';
import { usageDecider } from './usage.decider';

const spec = DeciderSpecification.for(usageDecider);
const GUILD = '1029384756';
const BOT = '847291032847';
const OWNER = '5647382910';
const guild = (installed: string[] = []): ReportedGuild => ({
  ownerId: OWNER,
  memberCount: 1_500,
  installedReporterBots: installed,
});
const key = (change: Partial<ActivityReporter> = {}): ActivityReporter => ({
  ownerId: '999',
  scopes: [`bot:${BOT}`],
  guildId: null,
  ...change,
});
const report = (reporter: ActivityReporter, reported: ReportedGuild, activeUsers = 482) => ({
  type: 'ReportActivity' as const,
  guildId: GUILD,
  activeUsers,
  timestamp: SPEC_NOW,
  guild: reported,
  reporter,
});
const reported = (activeUsers = 482) => [
  { type: 'ActivityReported' as const, data: { guildId: GUILD, activeUsers, at: SPEC_NOW } },
];

describe('who may report activity for a guild', () => {
  it('given a bot not installed in the guild, when its key reports, then it is refused as forbidden', () => {
    spec.given([]).when(report(key(), guild())).thenThrows('forbidden', 'not_in_guild');
  });

  it('given the bot installed in the guild, when its key reports, then the report is recorded', () => {
    spec
      .given([])
      .when(report(key(), guild([BOT])))
      .then(reported());
  });

  it("given the guild's owner, a key bound to it or an admin, when they report, then each is recorded", () => {
    for (const reporter of [
      key({ ownerId: OWNER, scopes: [] }),
      key({ scopes: [], guildId: GUILD }),
      key({ scopes: ['admin'] }),
    ]) {
      spec.given([]).when(report(reporter, guild())).then(reported());
    }
  });

  it('given an admin key bound to another guild, when it reports, then the binding wins: forbidden', () => {
    spec
      .given([])
      .when(report(key({ scopes: ['admin'], guildId: '1' }), guild()))
      .thenThrows('forbidden', 'not_in_guild');
  });

  it('given a guild of 1,500 members, when 1,501 active users are reported, then it is refused naming activeUsers', () => {
    spec
      .given([])
      .when(report(key(), guild([BOT]), 1_501))
      .thenThrows('invalid', 'active_users_exceed_members', 'activeUsers');
    spec
      .given([])
      .when(report(key(), guild([BOT]), 1_500))
      .then(reported(1_500));
  });
});

describe('voiding a report', () => {
  const voiding = (requestedBy?: ActivityReporter) => ({
    type: 'VoidActivityReport' as const,
    guildId: GUILD,
    reportEventId: 'aaaaaaaa-bbbb-5ccc-addd-eeeeeeeeeeee',
    reportedAt: '2025-12-01T10:00:00+01:00',
    reason: ' hostile figure ',
    requestedBy,
  });

  it('given a trusted door or an unbound admin, when a report is voided, then ActivityReportVoided names it', () => {
    for (const requester of [undefined, key({ scopes: ['admin'] })]) {
      spec
        .given([])
        .when(voiding(requester))
        .then([
          {
            type: 'ActivityReportVoided',
            data: {
              guildId: GUILD,
              reportEventId: 'aaaaaaaa-bbbb-5ccc-addd-eeeeeeeeeeee',
              reportedAt: '2025-12-01T09:00:00.000Z',
              reason: 'hostile figure',
            },
          },
        ]);
    }
  });

  it('given a bot key or a bound admin key, when it voids a report, then it is refused as forbidden', () => {
    spec.given([]).when(voiding(key())).thenThrows('forbidden', 'admin_required');
    spec
      .given([])
      .when(voiding(key({ scopes: ['admin'], guildId: GUILD })))
      .thenThrows('forbidden', 'admin_required');
  });
});
