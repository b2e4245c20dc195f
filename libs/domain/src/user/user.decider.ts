import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';
import { assertSnowflake, sameSet } from '../guild/guild.rules';
import { ERASED_PERSONAL_DATA } from './personal-data';
import type { UserCommand, UserEvent, UserProfile } from './user.events';

export type UserState =
  | { readonly status: 'unknown' }
  | { readonly status: 'known'; readonly userId: string; readonly profile: UserProfile };

export const USER_LIMITS = { usernameMaxLength: 37, maxRoles: 50, roleMaxLength: 100 } as const;

function assertProfile(profile: UserProfile): void {
  const { username, roles } = profile;
  // Discord tags are at most 32 characters plus an optional `#1234` discriminator.
  if (
    typeof username !== 'string' ||
    username.trim() === '' ||
    username.length > USER_LIMITS.usernameMaxLength
  ) {
    throw new DomainError(
      'invalid',
      'invalid_username',
      `username must be 1–${USER_LIMITS.usernameMaxLength} characters`,
      'username',
    );
  }
  assertPlainText(username, 'username');
  const valid =
    Array.isArray(roles) &&
    roles.length <= USER_LIMITS.maxRoles &&
    roles.every((r) => typeof r === 'string' && r.trim() !== '' && r.length <= USER_LIMITS.roleMaxLength) &&
    new Set(roles).size === roles.length;
  if (!valid) {
    throw new DomainError(
      'invalid',
      'invalid_roles',
      `roles must be up to ${USER_LIMITS.maxRoles} distinct names`,
      'roles',
    );
  }
  for (const role of roles) assertPlainText(role, 'roles');
}

/** Records what the platform knows of a user; recording the same profile again changes nothing. */
export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  initialState: () => ({ status: 'unknown' }),
  schemaVersions: { UserProfileRecorded: 1, UserProfileUpdated: 1, PersonalDataErased: 1 },

  decide(command, state, context) {
    switch (command.type) {
      case 'RecordUserProfile': {
        assertSnowflake(command.userId, 'userId');
        assertProfile(command.profile);
        const profile = { username: command.profile.username, roles: [...command.profile.roles] };
        if (state.status === 'unknown') {
          return [{ type: 'UserProfileRecorded', data: { userId: command.userId, ...profile } }];
        }
        const changes: { username?: string; roles?: string[] } = {};
        if (profile.username !== state.profile.username) changes.username = profile.username;
        if (!sameSet(profile.roles, state.profile.roles)) changes.roles = profile.roles;
        if (Object.keys(changes).length === 0) return [];
        return [{ type: 'UserProfileUpdated', data: { userId: command.userId, changes } }];
      }
      // Recorded even for a user with no profile: their reviews or key labels may hold data.
      case 'RecordPersonalDataErasure': {
        assertSnowflake(command.userId, 'userId');
        const { userId, keysForgotten } = command;
        return [{ type: 'PersonalDataErased', data: { userId, at: context.now, keysForgotten } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserProfileRecorded':
        return {
          status: 'known',
          userId: event.data.userId,
          profile: { username: event.data.username, roles: event.data.roles },
        };
      case 'UserProfileUpdated':
        return state.status === 'known'
          ? { ...state, profile: { ...state.profile, ...event.data.changes } }
          : state;
      case 'PersonalDataErased':
        return state.status === 'known'
          ? { ...state, profile: { ...state.profile, username: ERASED_PERSONAL_DATA } }
          : state;
      default:
        return state;
    }
  },
};
