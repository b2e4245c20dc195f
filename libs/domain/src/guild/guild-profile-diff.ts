import type { GuildProfile } from './guild.events';
import { sameSet } from './guild.rules';

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

export const PROFILE_FIELDS = [
  'name',
  'ownerId',
  'memberCount',
  'botCount',
  'onlineCount',
  'premium',
  'features',
] as const satisfies readonly (keyof GuildProfile)[];

/** The profile fields of `next` that differ from `current`, with their new values. */
export function profileDiff(current: GuildProfile, next: Partial<GuildProfile>): Partial<GuildProfile> {
  const diff: Mutable<GuildProfile> = {};
  for (const field of PROFILE_FIELDS) {
    const value = next[field];
    if (value === undefined) continue;
    const same =
      field === 'features' ? sameSet(current.features, value as readonly string[]) : current[field] === value;
    if (!same)
      (diff as Record<string, unknown>)[field] = field === 'features' ? [...(value as string[])] : value;
  }
  return diff;
}
