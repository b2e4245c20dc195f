/**
 * What a track source knows about a playable item: everything needed to show it and to play it.
 * Produced by a `TrackResolver`; the queue adds who asked for it and its own id.
 */
export interface TrackInfo {
  readonly title: string;
  /** The artist, channel or uploader; Hexify calls it `artist`, Elixir `author`. */
  readonly author: string;
  /** Whole seconds; 0 for live streams, whose length is unknown. */
  readonly durationSec: number;
  /**
   * What the player opens: an absolute file path or an http(s) URL (a page URL for yt-dlp sources;
   * for a library file tagged with its origin, that page URL, by which the player finds the file).
   */
  readonly uri: string;
  readonly thumbnail: string | null;
  readonly isStream: boolean;
  /** The source's own id for the item (video id, file hash, URL): stable across queues. */
  readonly identifier: string;
  /** Which source resolved it, e.g. `local`, `http`, `youtube`, `soundcloud`, `ytdlp`. */
  readonly source: string;
}

/** One entry of a guild's queue: a track, its queue-unique id, and the Discord user who asked for it. */
export interface Track extends TrackInfo {
  /** Unique within the guild's player stream; the same song queued twice gets two ids. */
  readonly trackId: string;
  /** Snowflake of the requesting user. */
  readonly requestedBy: string;
}

/** Sources the bundled resolvers use; others may be added without a schema change. */
export const KNOWN_TRACK_SOURCES = ['local', 'http', 'youtube', 'soundcloud', 'ytdlp'] as const;

export type QueuePlacement = 'end' | 'next';
export type LoopMode = 'off' | 'track' | 'queue';
export type TrackEndReason = 'finished' | 'skipped' | 'stopped' | 'failed';

export const QUEUE_PLACEMENTS: readonly QueuePlacement[] = ['end', 'next'];
export const LOOP_MODES: readonly LoopMode[] = ['off', 'track', 'queue'];
export const TRACK_END_REASONS: readonly TrackEndReason[] = ['finished', 'skipped', 'stopped', 'failed'];

/** Limits the player enforces; exported so doors can describe them. */
export const PLAYER_LIMITS = {
  /** Upcoming tracks a guild may hold, so one playlist cannot grow a stream's state without bound. */
  maxQueueLength: 1_000,
  /** Ended tracks kept in the state for `previous` and fair share. */
  historyLength: 50,
  minVolume: 0,
  maxVolume: 100,
  defaultVolume: 100,
  titleMaxLength: 300,
  trackIdMaxLength: 64,
} as const;

export const playerStreamId = (guildId: string): string => `player-${guildId}`;
