import { DomainError } from '../shared/domain-error';
import type { DecisionContext } from '../shared/decider';
import { normalizeInstant } from '../shared/time';
import type { RecordMembership } from './guild.commands';
import type { GuildEvent, GuildProfile, MembershipData } from './guild.events';
import { assertSnowflake } from './guild.rules';

/**
 * Joins and leaves live on the guild stream, not in `usage-{id}`: they change the member count the
 * guild decides on, and one event in one stream is atomic where a write to two streams is not. The
 * analytics projector reads them from there.
 */
export function recordMembership(
  command: RecordMembership,
  registered: boolean,
  context: DecisionContext,
): GuildEvent[] {
  if (!registered) {
    throw new DomainError('not_found', 'guild_not_found', `guild ${command.guildId} is not registered`);
  }
  assertSnowflake(command.userId, 'userId');
  if (typeof command.bot !== 'boolean') {
    throw new DomainError('invalid', 'invalid_bot', 'bot must be true or false', 'bot');
  }
  const data: MembershipData = {
    guildId: command.guildId,
    userId: command.userId,
    bot: command.bot,
    at: normalizeInstant(command.at, context.now),
  };
  return [command.joined ? { type: 'MemberJoined', data } : { type: 'MemberLeft', data }];
}

/**
 * Member and bot counts follow joins and leaves; never below zero, since a leave may arrive for a
 * member who joined before the guild was registered. Online stays within members.
 */
export function applyMembership(profile: GuildProfile, data: MembershipData, joined: boolean): GuildProfile {
  const step = joined ? 1 : -1;
  const memberCount = Math.max(0, profile.memberCount + step);
  const botCount = data.bot ? Math.max(0, profile.botCount + step) : profile.botCount;
  return {
    ...profile,
    memberCount,
    botCount: Math.min(botCount, memberCount),
    onlineCount: Math.min(profile.onlineCount, memberCount),
  };
}
