import type { NowPlaying, PlaybackReading, PlayerState, Track } from '#domain';
import type { PlayerReading } from '#core';
import type {
  CurrentTrackResponse,
  PlaybackResponse,
  PlayerResponse,
  TrackResponse,
} from './music.responses';

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

/**
 * The seed's queue: `position` in whole seconds and `is_playing` as the playback reading says (frames
 * the worker sent; false when paused, waiting for voice, or with no worker); `queue` in play order.
 */
export function hexifyQueueBody(player: PlayerReading | null): HexifyQueueBody {
  const current = player?.current ?? null;
  return {
    current_track: current && {
      title: current.track.title,
      artist: current.track.author,
      duration: current.track.durationSec,
      position: Math.floor((player!.playback.positionMs ?? current.offsetMs) / 1000),
      url: current.track.uri,
    },
    queue: (player?.upcoming ?? []).map(hexifyEntry),
    is_playing: player?.playback.isPlaying ?? false,
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

const IDLE: PlaybackReading = { state: 'idle', isPlaying: false, positionMs: null, source: null };

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

/** What is heard and why: `state` (playing, paused, waiting_for_voice, no_worker, idle), the reading's source. */
export function canonicalPlayback(
  playback: PlaybackReading,
  voiceFault: PlayerState['voiceFault'] = null,
): PlaybackResponse {
  return {
    state: playback.state,
    source: playback.source,
    voice_fault: voiceFault && {
      cause: voiceFault.cause,
      close_code: voiceFault.closeCode,
      reconnecting: voiceFault.reconnecting,
      since: voiceFault.since,
    },
  };
}

export function canonicalNowPlaying(current: NowPlaying, playback: PlaybackReading): CurrentTrackResponse {
  return {
    track: canonicalTrack(current.track),
    position_ms: playback.positionMs ?? current.offsetMs,
    paused: current.paused,
    started_at: current.startedAt,
    start_offset_ms: current.offsetMs,
  };
}

/** The whole player: `queue` in play order (fair share applied), `history` oldest first. */
export function canonicalPlayerBody(guildId: string, player: PlayerReading | null): PlayerResponse {
  return {
    guild_id: guildId,
    voice_channel_id: player?.voiceChannelId ?? null,
    now_playing: player?.current ? canonicalNowPlaying(player.current, player.playback) : null,
    is_playing: player?.playback.isPlaying ?? false,
    playback: canonicalPlayback(player?.playback ?? IDLE, player?.voiceFault),
    queue: (player?.upcoming ?? []).map(canonicalTrack),
    volume: player?.volume ?? 100,
    loop: player?.loop ?? 'off',
    fair_share: player?.fairShare ?? false,
    history: (player?.history ?? []).map(canonicalTrack),
    revision: player?.revision ?? -1,
  };
}
