import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { normalizeTier } from '../apikey/apikey.rules';
import { assertSnowflake } from '../guild/guild.rules';
import type {
  DeveloperCommand,
  DeveloperEvent,
  DeveloperStatus,
  RegisterDeveloper,
} from './developer.events';
import { assertDeveloperUsername, normalizeBadge } from './developer.rules';

export type DeveloperState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly username: string; readonly developer: DeveloperStatus };

function register(command: RegisterDeveloper, state: DeveloperState): DeveloperEvent[] {
  const { username } = command;
  assertDeveloperUsername(username);
  if (typeof command.verified !== 'boolean') {
    throw new DomainError('invalid', 'invalid_verified', 'verified must be true or false', 'verified');
  }
  const userId = command.userId ?? null;
  if (userId !== null) assertSnowflake(userId, 'userId');
  const next: DeveloperStatus = {
    userId,
    verified: command.verified,
    badge: normalizeBadge(command.badge, command.verified),
    apiTier: normalizeTier(command.apiTier ?? 'free'),
  };
  if (state.status === 'unregistered') return [{ type: 'DeveloperRegistered', data: { username, ...next } }];
  const changes: { -readonly [K in keyof DeveloperStatus]?: DeveloperStatus[K] } = {};
  for (const field of ['userId', 'verified', 'badge', 'apiTier'] as const) {
    if (next[field] !== state.developer[field]) (changes as Record<string, unknown>)[field] = next[field];
  }
  return Object.keys(changes).length === 0
    ? []
    : [{ type: 'DeveloperStatusChanged', data: { username, changes } }];
}

/** A developer's verification, badge and API tier (`developer-{username}` stream). */
export const developerDecider: Decider<DeveloperState, DeveloperCommand, DeveloperEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  schemaVersions: { DeveloperRegistered: 1, DeveloperStatusChanged: 1 },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterDeveloper':
        return register(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DeveloperRegistered': {
        const { username, ...developer } = event.data;
        return { status: 'registered', username, developer };
      }
      case 'DeveloperStatusChanged':
        return state.status === 'unregistered'
          ? state
          : { ...state, developer: { ...state.developer, ...event.data.changes } };
      default:
        return state;
    }
  },
};
