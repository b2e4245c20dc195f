import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import { guildDecider } from './guild.decider';
import type { GuildEvent } from './guild.events';
import type { GatewayGuildSnapshot } from './guild-gateway.events';
import { GUILD_ID, profile, registered } from './guild.fixtures';

const spec = DeciderSpecification.for(guildDecider);
const ROLES = [
  { id: GUILD_ID, name: '@everyone' },
  { id: '111', name: 'Admin' },
];
const snapshot: GatewayGuildSnapshot = {
  name: 'Tavern',
  ownerId: '987654321098765432',
  memberCount: 120,
  botCount: 5,
  onlineCount: 40,
  discordFeatures: ['COMMUNITY'],
  roles: ROLES,
};
const reconcile = (changes: Partial<GatewayGuildSnapshot> = {}) => ({
  type: 'ReconcileGuild' as const,
  guildId: GUILD_ID,
  snapshot: { ...snapshot, ...changes },
});
const fromGateway: GuildEvent[] = [
  {
    type: 'GuildRegistered',
    data: {
      guildId: GUILD_ID,
      name: 'Tavern',
      ownerId: '987654321098765432',
      memberCount: 120,
      botCount: 5,
      onlineCount: 40,
      premium: false,
      features: [],
    },
  },
  { type: 'GuildRolesChanged', data: { guildId: GUILD_ID, roles: ROLES } },
  { type: 'GuildDiscordFeaturesChanged', data: { guildId: GUILD_ID, features: ['COMMUNITY'] } },
];
const removed: GuildEvent = { type: 'BotRemovedFromGuild', data: { guildId: GUILD_ID, at: SPEC_NOW } };

describe('ReconcileGuild (GUILD_CREATE, GUILD_UPDATE)', () => {
  it('given no history, when the gateway announces a guild, then it is registered with its roles and Discord features', () => {
    spec.given([]).when(reconcile()).then(fromGateway);
  });

  it('given the same guild recorded, when it is announced again unchanged, then nothing is appended', () => {
    spec.given(fromGateway).when(reconcile()).thenNothing();
  });

  it('given a recorded guild, when roles come in another order, then nothing is appended', () => {
    spec
      .given(fromGateway)
      .when(reconcile({ roles: [...ROLES].reverse() }))
      .thenNothing();
  });

  it('given a recorded guild, when its name and member count changed, then only those are updated', () => {
    spec
      .given(fromGateway)
      .when(reconcile({ name: 'Tavern II', memberCount: 121 }))
      .then([
        {
          type: 'GuildUpdated',
          data: { guildId: GUILD_ID, changes: { name: 'Tavern II', memberCount: 121 } },
        },
      ]);
  });

  it('given a recorded guild, when a role is renamed, then the new role list is recorded', () => {
    const roles = [ROLES[0], { id: '111', name: 'Moderator' }];
    spec
      .given(fromGateway)
      .when(reconcile({ roles }))
      .then([{ type: 'GuildRolesChanged', data: { guildId: GUILD_ID, roles } }]);
  });

  it('given a guild registered over REST, when the gateway announces it, then premium and feature flags stay Guildhall’s', () => {
    spec
      .given([registered])
      .when(
        reconcile({
          name: profile.name,
          ownerId: profile.ownerId,
          memberCount: 1500,
          botCount: undefined,
          onlineCount: undefined,
        }),
      )
      .then([
        { type: 'GuildRolesChanged', data: { guildId: GUILD_ID, roles: ROLES } },
        { type: 'GuildDiscordFeaturesChanged', data: { guildId: GUILD_ID, features: ['COMMUNITY'] } },
      ]);
  });

  it('given counts the gateway cannot know, when the member count shrinks, then bots and online stay within it', () => {
    spec
      .given(fromGateway)
      .when(reconcile({ memberCount: 3, botCount: undefined, onlineCount: undefined }))
      .then([
        {
          type: 'GuildUpdated',
          data: { guildId: GUILD_ID, changes: { memberCount: 3, botCount: 3, onlineCount: 3 } },
        },
      ]);
  });

  it('given the bot was removed, when the guild is announced again, then it is registered again with its flags kept', () => {
    spec
      .given([registered, removed])
      .when(reconcile({ roles: [], discordFeatures: [] }))
      .then([
        {
          type: 'GuildRegistered',
          data: {
            ...fromGateway[0].data,
            premium: true,
            features: ['music', 'moderation', 'analytics'],
          } as never,
        },
      ]);
  });

  it('refuses a snapshot without a member count, naming it', () => {
    spec
      .given([])
      .when(reconcile({ memberCount: undefined as never }))
      .thenThrows('invalid', 'missing_field', 'memberCount');
  });

  it('refuses a role whose id is not a snowflake', () => {
    spec
      .given([])
      .when(reconcile({ roles: [{ id: 'x', name: 'Admin' }] }))
      .thenThrows('invalid', undefined, 'roles.id');
  });
});

describe('RecordBotRemoval (GUILD_DELETE without unavailable)', () => {
  const removal = { type: 'RecordBotRemoval' as const, guildId: GUILD_ID };

  it('given a registered guild, when the bot is removed, then BotRemovedFromGuild is recorded', () => {
    spec.given(fromGateway).when(removal).then([removed]);
  });

  it('given a removed guild, when the removal arrives again, then nothing is appended', () => {
    spec
      .given([...fromGateway, removed])
      .when(removal)
      .thenNothing();
  });

  it('given an unknown guild, when a removal arrives, then there is no history to keep', () => {
    spec.given([]).when(removal).thenNothing();
  });
});

describe('SampleOnlineCount (the presence sampler)', () => {
  const sample = (onlineCount: number) => ({
    type: 'SampleOnlineCount' as const,
    guildId: GUILD_ID,
    onlineCount,
  });

  it('given a guild with 40 online, when 55 are sampled, then OnlineCountSampled is recorded', () => {
    spec
      .given(fromGateway)
      .when(sample(55))
      .then([{ type: 'OnlineCountSampled', data: { guildId: GUILD_ID, onlineCount: 55, at: SPEC_NOW } }]);
  });

  it('given a guild with 40 online, when 40 are sampled, then nothing is appended', () => {
    spec.given(fromGateway).when(sample(40)).thenNothing();
  });

  it('given 120 members, when more are seen online, then the sample stays within the members', () => {
    spec
      .given(fromGateway)
      .when(sample(500))
      .then([{ type: 'OnlineCountSampled', data: { guildId: GUILD_ID, onlineCount: 120, at: SPEC_NOW } }]);
  });

  it('given a removed guild, when a sample arrives, then nothing is appended', () => {
    spec
      .given([...fromGateway, removed])
      .when(sample(7))
      .thenNothing();
  });

  it('refuses a negative count, naming it', () => {
    spec.given(fromGateway).when(sample(-1)).thenThrows('invalid', 'invalid_count', 'onlineCount');
  });
});
