import type { PlayerEvent } from './player.events';
import type { Track } from './player.track';

/** Test fixtures shared by the player specs (the Hexify seed's guild and tracks). */
export const GUILD_ID = '123456789012345678';
export const CHANNEL_ID = '987654321098765432';
export const ALICE = '111111111111111111';
export const BOB = '222222222222222222';

const track = (trackId: string, title: string, requestedBy: string, extra: Partial<Track> = {}): Track => ({
  trackId,
  title,
  author: 'Artist',
  durationSec: 200,
  uri: `https://example.com/${trackId}.mp3`,
  thumbnail: null,
  isStream: false,
  identifier: trackId,
  source: 'http',
  requestedBy,
  ...extra,
});

export const rick = track('t-rick', 'Never Gonna Give You Up', ALICE, {
  author: 'Rick Astley',
  durationSec: 213,
  uri: 'https://youtube.com/watch?v=dQw4w9WgXcQ',
  identifier: 'dQw4w9WgXcQ',
  source: 'youtube',
});
export const queen = track('t-queen', 'Bohemian Rhapsody', BOB, { author: 'Queen', durationSec: 354 });
export const third = track('t-third', 'Third', ALICE);
export const radio = track('t-radio', 'Live Radio', BOB, { durationSec: 0, isStream: true });

export const joined: PlayerEvent = {
  type: 'VoiceChannelJoined',
  data: { guildId: GUILD_ID, channelId: CHANNEL_ID, requestedBy: ALICE },
};

export const queued = (...tracks: Track[]): PlayerEvent => ({
  type: 'TracksQueued',
  data: { guildId: GUILD_ID, tracks, placement: 'end' },
});

/** 45 s before the specs' fixed clock, so the live position at decision time is 45 000 ms. */
export const STARTED_AT = '2025-12-31T23:59:15.000Z';

export const startedEvent = (t: Track, positionMs = 0, startedAt = STARTED_AT): PlayerEvent => ({
  type: 'TrackStarted',
  data: { guildId: GUILD_ID, trackId: t.trackId, positionMs, startedAt },
});

export const endedEvent = (t: Track, reason: 'finished' | 'skipped' | 'stopped' | 'failed', positionMs = 0) =>
  ({ type: 'TrackEnded', data: { guildId: GUILD_ID, trackId: t.trackId, reason, positionMs } }) as const;

/** Rick playing for 45 s with Queen queued: the Hexify seed's queue example. */
export const playingRick: PlayerEvent[] = [joined, queued(rick, queen), startedEvent(rick)];
