import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Track } from '#domain';
import { ALICE, GUILD_ID, queen, radio, rick } from '#domain/player/player.fixtures';
import { initialPlayerState } from '#domain';
import type { PlayerView } from '#projections';
import {
  QUEUE_EMBED_TRACKS,
  formatDuration,
  nowPlayingReply,
  queueReply,
  queuedReply,
} from './music-replies';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const player = (over: Partial<PlayerView>): PlayerView => ({
  ...initialPlayerState(),
  guildId: GUILD_ID,
  upcoming: [],
  revision: 3,
  updatedAt: new Date(NOW).toISOString(),
  ...over,
});
const many = (n: number): Track[] => Array.from({ length: n }, (_, i) => ({ ...queen, trackId: `t-${i}` }));

describe('music replies', () => {
  it('given durations, then they read m:ss, or h:mm:ss from an hour on', () => {
    assert.deepEqual([0, 5_000, 65_000, 3_600_000, 3_723_999].map(formatDuration), [
      '0:00',
      '0:05',
      '1:05',
      '1:00:00',
      '1:02:03',
    ]);
  });

  it('given a playing track and a queue, then the queue embed lists both in play order with the modes', () => {
    const current = { track: rick, offsetMs: 0, startedAt: new Date(NOW).toISOString(), paused: true };
    const reply = queueReply(player({ current, upcoming: [queen, radio], volume: 40, loop: 'queue' }), NOW);
    const [embed] = reply.embeds!;
    assert.equal(embed!.title, 'Queue — 2 tracks');
    assert.equal(
      embed!.description,
      [
        '**Now playing:** **Never Gonna Give You Up** — Rick Astley (3:33) (paused)',
        '',
        '1. **Bohemian Rhapsody** — Queen (5:54)',
        '2. **Live Radio** — Artist (live)',
      ].join('\n'),
    );
    assert.equal(embed!.footer?.text, 'Volume 40% · Loop queue · Fair share off');
  });

  it('given a long queue, then the embed lists the first tracks and counts the rest', () => {
    const description = queueReply(player({ upcoming: many(25) }), NOW).embeds![0]!.description!;
    assert.equal(description.split('\n').filter((l) => /^\d+\. /.test(l)).length, QUEUE_EMBED_TRACKS);
    assert.match(description, /…and 15 more$/);
  });

  it('given no player yet, then the queue embed says nothing plays and how to add a track', () => {
    const description = queueReply(null, NOW).embeds![0]!.description!;
    assert.match(description, /^Nothing is playing\.\n\nThe queue is empty/);
  });

  it('given a title with Markdown, then it is shown as typed, not as formatting', () => {
    const track = { ...queen, title: '**Bold** _and_ `code` [link](x)', author: 'A|B' };
    const reply = queuedReply(
      { kind: 'track', tracks: [track], eventTypes: [], revision: 0, position: 1 },
      1,
    );
    assert.equal(
      reply.content,
      '🎶 Queued **\\*\\*Bold\\*\\* \\_and\\_ \\`code\\` \\[link\\]\\(x\\)** — A\\|B (5:54) — 1 in the queue.',
    );
  });

  it('given a playlist, then the reply counts its tracks', () => {
    const reply = queuedReply(
      { kind: 'playlist', tracks: many(3), eventTypes: [], revision: 0, position: 1 },
      3,
    );
    assert.match(reply.content!, /^🎶 Queued 3 tracks, starting with \*\*Bohemian Rhapsody\*\*/);
  });

  it('given the current track, then the now-playing embed shows where it is, the volume and who asked', () => {
    const reply = nowPlayingReply({
      guildId: GUILD_ID,
      track: rick,
      positionMs: 83_000,
      paused: false,
      volume: 80,
      voiceChannelId: null,
      playback: { state: 'playing', isPlaying: true, positionMs: 83_000, source: 'worker' },
    });
    const [embed] = reply.embeds!;
    assert.equal(embed!.title, 'Now playing');
    assert.deepEqual(
      embed!.fields!.map((f) => f.value),
      ['1:23 / 3:33', '80%', `<@${ALICE}>`],
    );
    assert.equal(embed!.thumbnail, undefined, 'the seed track has no artwork');
  });
});
