import { positionAt, type NowPlaying, type Track } from '#domain';
import type { PlayerView } from '#projections';
import type { CurrentTrackResponse, PlayerResponse, TrackResponse } from './music.responses';

/** `mm:ss`, minutes unbounded (a 75-minute mix is `75:00`), as Elixir shows durations. */
export function clock(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  return `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;
}

// ── Hexify ──────────────────────────────────────────────────────────────────────────────────────────

export interface HexifyQueueBody {
  current_track: { title: string; artist: string; duration: number; position: number; url: string } | null;
  queue: { title: string; artist: string; duration: number; requested_by: string }[];
  is_playing: boolean;
  volume: number;
}

const hexifyEntry = (t: Track) => ({
  title: t.title,
  artist: t.author,
  duration: t.durationSec,
  requested_by: t.requestedBy,
});

/** The seed's queue: `position` in whole seconds; `queue` in the order the tracks will play. */
export function hexifyQueueBody(player: PlayerView | null, nowMs: number): HexifyQueueBody {
  const current = player?.current ?? null;
  return {
    current_track: current && {
      title: current.track.title,
      artist: current.track.author,
      duration: current.track.durationSec,
      position: Math.floor(positionAt(current, nowMs) / 1000),
      url: current.track.uri,
    },
    queue: (player?.upcoming ?? []).map(hexifyEntry),
    is_playing: current !== null && !current.paused,
    volume: player?.volume ?? 100,
  };
}

/** A track as the Hexify play answer lists it: a queue entry plus its url. */
export const hexifyAddedTrack = (t: Track) => ({ ...hexifyEntry(t), url: t.uri });

// ── Elixir ──────────────────────────────────────────────────────────────────────────────────────────

export interface ElixirTrackBody {
  title: string;
  author: string;
  duration: number;
  formattedDuration: string;
  uri: string;
  thumbnail: string | null;
  position: number;
  isStream: boolean;
  identifier: string;
  requestedBy: string;
}

/**
 * Elixir's track: `duration` in seconds, `position` in milliseconds (Lavalink's unit, which Elixir
 * passes through), `formattedDuration` as `position/duration` in `mm:ss`, `LIVE` for a stream's length.
 */
export function elixirTrackBody(t: Track, positionMs = 0): ElixirTrackBody {
  return {
    title: t.title,
    author: t.author,
    duration: t.durationSec,
    formattedDuration: `${clock(positionMs / 1000)}/${t.isStream ? 'LIVE' : clock(t.durationSec)}`,
    uri: t.uri,
    thumbnail: t.thumbnail,
    position: positionMs,
    isStream: t.isStream,
    identifier: t.identifier,
    requestedBy: t.requestedBy,
  };
}

// ── canonical ───────────────────────────────────────────────────────────────────────────────────────

export const canonicalTrack = (t: Track): TrackResponse => ({
  track_id: t.trackId,
  title: t.title,
  author: t.author,
  duration_sec: t.durationSec,
  uri: t.uri,
  thumbnail: t.thumbnail,
  is_stream: t.isStream,
  identifier: t.identifier,
  source: t.source,
  requested_by: t.requestedBy,
});

export function canonicalNowPlaying(current: NowPlaying, nowMs: number): CurrentTrackResponse {
  return {
    track: canonicalTrack(current.track),
    position_ms: positionAt(current, nowMs),
    paused: current.paused,
    started_at: current.startedAt,
    start_offset_ms: current.offsetMs,
  };
}

/** The whole player: `queue` in play order (fair share applied), `history` oldest first. */
export function canonicalPlayerBody(
  guildId: string,
  player: PlayerView | null,
  nowMs: number,
): PlayerResponse {
  return {
    guild_id: guildId,
    voice_channel_id: player?.voiceChannelId ?? null,
    now_playing: player?.current ? canonicalNowPlaying(player.current, nowMs) : null,
    queue: (player?.upcoming ?? []).map(canonicalTrack),
    volume: player?.volume ?? 100,
    loop: player?.loop ?? 'off',
    fair_share: player?.fairShare ?? false,
    history: (player?.history ?? []).map(canonicalTrack),
    revision: player?.revision ?? -1,
  };
}
