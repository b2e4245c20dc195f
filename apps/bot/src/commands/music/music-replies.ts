import type { APIEmbed } from 'discord.js';
import type { EnqueueResult, NowPlayingView } from '#core';
import type { Track } from '#domain';
import type { PlayerView } from '#projections';
import type { DiscordReply } from '../discord-reply';

/** Upcoming tracks a queue embed lists; the rest are counted. */
export const QUEUE_EMBED_TRACKS = 10;
const TITLE_LENGTH = 80;
const EMBED_COLOUR = 0x5865f2;

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const cut = (text: string, length: number): string =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;
/** Titles come from files and web pages: they must not bend the Markdown around them. */
export const plain = (text: string): string => cut(text, TITLE_LENGTH).replace(/([\\*_~`|>[\]()])/g, '\\$1');
const length = (track: Track): string => (track.isStream ? 'live' : formatDuration(track.durationSec * 1000));
const line = (track: Track): string =>
  `**${plain(track.title)}** — ${plain(track.author)} (${length(track)})`;
// An embed's thumbnail must be an absolute URL Discord can fetch; the library's artwork path is not.
const thumbnailOf = (track: Track) =>
  track.thumbnail && /^https?:\/\//.test(track.thumbnail) ? { thumbnail: { url: track.thumbnail } } : {};

/** What `/play` queued. */
export function queuedReply(result: EnqueueResult, queueLength: number): DiscordReply {
  const [first] = result.tracks;
  if (result.kind === 'playlist') {
    return { content: `🎶 Queued ${result.tracks.length} tracks, starting with ${line(first!)}.` };
  }
  return { content: `🎶 Queued ${line(first!)} — ${queueLength} in the queue.` };
}

/** `/queue`: what plays, what comes next (in the order it will play), and the player's modes. */
export function queueReply(player: PlayerView | null, now: number): DiscordReply {
  const upcoming = player?.upcoming ?? [];
  const listed = upcoming.slice(0, QUEUE_EMBED_TRACKS).map((track, i) => `${i + 1}. ${line(track)}`);
  const more = upcoming.length - listed.length;
  const playing = player?.current
    ? `**Now playing:** ${line(player.current.track)}${player.current.paused ? ' (paused)' : ''}`
    : 'Nothing is playing.';
  const description = [
    playing,
    '',
    ...(listed.length > 0 ? listed : ['The queue is empty: add a track with /play.']),
    ...(more > 0 ? [`…and ${more} more`] : []),
  ].join('\n');
  const embed: APIEmbed = {
    title: `Queue — ${upcoming.length} ${upcoming.length === 1 ? 'track' : 'tracks'}`,
    description,
    color: EMBED_COLOUR,
    footer: {
      text: `Volume ${player?.volume ?? 100}% · Loop ${player?.loop ?? 'off'} · Fair share ${player?.fairShare ? 'on' : 'off'}`,
    },
    timestamp: new Date(now).toISOString(),
  };
  return { embeds: [embed] };
}

/** `/nowplaying`: the current track, where it is, and who asked for it. */
export function nowPlayingReply(now: NowPlayingView): DiscordReply {
  const { track, positionMs, paused, volume } = now;
  const position = track.isStream
    ? 'live'
    : `${formatDuration(positionMs)} / ${formatDuration(track.durationSec * 1000)}`;
  const embed: APIEmbed = {
    title: paused ? 'Paused' : 'Now playing',
    description: line(track),
    color: EMBED_COLOUR,
    fields: [
      { name: 'Position', value: position, inline: true },
      { name: 'Volume', value: `${volume}%`, inline: true },
      { name: 'Requested by', value: `<@${track.requestedBy}>`, inline: true },
    ],
    ...thumbnailOf(track),
  };
  return { embeds: [embed] };
}
