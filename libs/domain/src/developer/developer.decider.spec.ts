import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import { developerDecider } from './developer.decider';
import type { DeveloperEvent, RegisterDeveloper } from './developer.events';

const spec = DeciderSpecification.for(developerDecider);
const register = (overrides: Partial<RegisterDeveloper> = {}): RegisterDeveloper => ({
  type: 'RegisterDeveloper',
  username: 'arcdev',
  userId: '5647382910',
  verified: true,
  badge: 'verified_developer',
  apiTier: 'premium',
  ...overrides,
});
const registered: DeveloperEvent = {
  type: 'DeveloperRegistered',
  data: {
    username: 'arcdev',
    userId: '5647382910',
    verified: true,
    badge: 'verified_developer',
    apiTier: 'premium',
  },
};

describe('RegisterDeveloper', () => {
  it('given no history, when registered, then DeveloperRegistered', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('given no history, when registered with only verified, then no account, no badge and the free tier', () => {
    spec
      .given([])
      .when({ type: 'RegisterDeveloper', username: 'newdev', verified: false })
      .then([
        {
          type: 'DeveloperRegistered',
          data: { username: 'newdev', userId: null, verified: false, badge: null, apiTier: 'free' },
        },
      ]);
  });

  it('given a developer, when registered alike, then nothing happens (idempotent)', () => {
    spec.given([registered]).when(register()).thenNothing();
  });

  it('given a developer, when the badge and tier change, then only those are recorded', () => {
    spec
      .given([registered])
      .when(register({ badge: 'partner', apiTier: 'enterprise' }))
      .then([
        {
          type: 'DeveloperStatusChanged',
          data: { username: 'arcdev', changes: { badge: 'partner', apiTier: 'enterprise' } },
        },
      ]);
  });

  it('given a verified developer, when verification is withdrawn with the badge, then both are recorded', () => {
    spec
      .given([registered])
      .when(register({ verified: false, badge: null }))
      .then([
        {
          type: 'DeveloperStatusChanged',
          data: { username: 'arcdev', changes: { verified: false, badge: null } },
        },
      ]);
  });

  const refusals: [string, Partial<RegisterDeveloper>, string, string][] = [
    ['an uppercase username', { username: 'ArcDev' }, 'invalid_username', 'username'],
    ['a 1-character username', { username: 'a' }, 'invalid_username', 'username'],
    ['a 33-character username', { username: 'a'.repeat(33) }, 'invalid_username', 'username'],
    ['a username with ..', { username: 'arc..dev' }, 'invalid_username', 'username'],
    ['an unknown badge', { badge: 'gold' }, 'invalid_badge', 'badge'],
    ['a badge without verification', { verified: false }, 'badge_requires_verification', 'badge'],
    ['an unknown tier', { apiTier: 'standard' }, 'invalid_tier', 'tier'],
    [
      'verified that is no boolean',
      { verified: 'yes' as unknown as boolean },
      'invalid_verified',
      'verified',
    ],
    ['a user id that is no snowflake', { userId: 'arc' }, 'invalid_user_id', 'userId'],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`given no history, when registered with ${what}, then it is refused (${code})`, () => {
      spec.given([]).when(register(overrides)).thenThrows('invalid', code, field);
    });
  }
});
