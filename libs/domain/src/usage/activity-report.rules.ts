import { hasAdminScope } from '../apikey/apikey.rules';
import { DomainError } from '../shared/domain-error';

/** Who sends an activity report, from a door that must check it (a key's owner, scopes and binding). */
export interface ActivityReporter {
  readonly ownerId: string;
  readonly scopes: readonly string[];
  /** The guild the reporter's key is bound to, or null for an account key. */
  readonly guildId: string | null;
}

/** What the read models know of the guild a report is about. */
export interface ReportedGuild {
  readonly ownerId: string;
  readonly memberCount: number;
  /** Of the bots the reporter's key speaks for (`bot:{id}`), those installed in the guild now. */
  readonly installedReporterBots: readonly string[];
}

/**
 * A report may come from a bot installed in the guild, or from someone who manages it: its owner's
 * key, a key bound to it (issued to its owner or a member who may manage it), or an admin. A bound
 * key acts only on its own guild, whatever its scopes.
 */
export function assertMayReportActivity(
  reporter: ActivityReporter,
  guildId: string,
  guild: ReportedGuild,
): void {
  const allowed =
    reporter.guildId !== null
      ? reporter.guildId === guildId
      : hasAdminScope(reporter.scopes) ||
        reporter.ownerId === guild.ownerId ||
        guild.installedReporterBots.length > 0;
  if (!allowed) {
    throw new DomainError(
      'forbidden',
      'not_in_guild',
      `this key may not report for server ${guildId}: its bot is not installed there and its owner does not manage it`,
    );
  }
}

/** A guild cannot have more active users than members. */
export function assertPlausibleActiveUsers(activeUsers: number, guild: ReportedGuild): void {
  if (activeUsers > guild.memberCount) {
    throw new DomainError(
      'invalid',
      'active_users_exceed_members',
      `activeUsers (${activeUsers}) cannot exceed the server's ${guild.memberCount} members`,
      'activeUsers',
    );
  }
}

/** Voiding a report corrects the record: an operator's act (the CLI, or an unbound admin key). */
export function assertMayVoidReport(requester: ActivityReporter | undefined): void {
  if (requester === undefined) return;
  if (requester.guildId !== null || !hasAdminScope(requester.scopes)) {
    throw new DomainError('forbidden', 'admin_required', 'only an admin may void an activity report');
  }
}
