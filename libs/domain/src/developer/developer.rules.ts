import { DomainError } from '../shared/domain-error';

/** Badges a verified developer may carry. Part of the public API: the doors accept exactly these strings. */
export const DEVELOPER_BADGES = ['verified_developer', 'partner', 'staff'] as const;
export type DeveloperBadge = (typeof DEVELOPER_BADGES)[number];

/**
 * Discord's usernames since the 2023 migration: 2–32 of lowercase letters, digits, `_` and `.`, and no
 * `..`. The stream name carries it, so the grammar also keeps stream ids clean.
 */
const USERNAME = /^(?!.*\.\.)[a-z0-9_.]{2,32}$/;

export const isDeveloperUsername = (value: unknown): value is string =>
  typeof value === 'string' && USERNAME.test(value);

export function assertDeveloperUsername(value: unknown): asserts value is string {
  if (!isDeveloperUsername(value)) {
    throw new DomainError(
      'invalid',
      'invalid_username',
      'username must be 2–32 lowercase letters, digits, _ or . (no ..)',
      'username',
    );
  }
}

export function normalizeBadge(value: unknown, verified: boolean): DeveloperBadge | null {
  if (value === undefined || value === null) return null;
  if (!(DEVELOPER_BADGES as readonly unknown[]).includes(value)) {
    throw new DomainError(
      'invalid',
      'invalid_badge',
      `unknown badge ${JSON.stringify(value)}; known: ${DEVELOPER_BADGES.join(', ')}`,
      'badge',
    );
  }
  // A badge vouches for the developer: showing one on an unverified account would mislead.
  if (!verified) {
    throw new DomainError(
      'invalid',
      'badge_requires_verification',
      'only a verified developer has a badge',
      'badge',
    );
  }
  return value as DeveloperBadge;
}
