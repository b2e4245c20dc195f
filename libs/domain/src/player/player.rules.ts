import { assertSnowflake } from '../guild/guild.rules';
import { DomainError } from '../shared/domain-error';
import type { PlayerState } from './player.state';
import { PLAYER_LIMITS, type Track } from './player.track';

export const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

export const isNonNegativeInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function assertOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(`invalid_${field}`, `${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

export function assertPositionMs(value: unknown, field = 'positionMs'): number {
  if (!isNonNegativeInt(value))
    throw invalid('invalid_position', `${field} must be a whole number ≥ 0`, field);
  return value;
}

const isText = (value: unknown, max: number, allowEmpty = false): value is string =>
  typeof value === 'string' && (allowEmpty || value.trim() !== '') && value.length <= max;

/** Validates one track and returns a copy holding only track fields, so stray properties never reach the store. */
export function normalizeTrack(track: Track, field: string): Track {
  const fail = (name: string, rule: string) =>
    invalid(`invalid_track`, `${field}.${name} ${rule}`, `${field}.${name}`);
  if (typeof track !== 'object' || track === null)
    throw invalid('invalid_track', `${field} must be a track`, field);
  if (!isText(track.trackId, PLAYER_LIMITS.trackIdMaxLength))
    throw fail('trackId', 'must be 1–64 characters');
  if (!isText(track.title, PLAYER_LIMITS.titleMaxLength)) throw fail('title', 'must be 1–300 characters');
  if (!isText(track.author, PLAYER_LIMITS.titleMaxLength, true)) throw fail('author', 'must be text');
  if (!isNonNegativeInt(track.durationSec)) throw fail('durationSec', 'must be a whole number ≥ 0');
  if (!isText(track.uri, 4096)) throw fail('uri', 'must be a file path or URL');
  if (track.thumbnail !== null && !isText(track.thumbnail, 4096))
    throw fail('thumbnail', 'must be a URL or null');
  if (typeof track.isStream !== 'boolean') throw fail('isStream', 'must be true or false');
  if (!isText(track.identifier, 4096, true)) throw fail('identifier', 'must be text');
  if (!isText(track.source, 32)) throw fail('source', 'must name a source');
  assertSnowflake(track.requestedBy, `${field}.requestedBy`);
  const { trackId, title, author, durationSec, uri, thumbnail, isStream, identifier, source, requestedBy } =
    track;
  return { trackId, title, author, durationSec, uri, thumbnail, isStream, identifier, source, requestedBy };
}

/** Every track id the stream has seen and may still see again (queue, current, history). */
export function knownTrackIds(state: PlayerState): Set<string> {
  const ids = new Set(state.queue.map((t) => t.trackId));
  for (const t of state.history) ids.add(t.trackId);
  if (state.current) ids.add(state.current.track.trackId);
  return ids;
}
